package app

import (
	"sync/atomic"
	"testing"
	"time"
)

// TestMemorySettles: the memory is released once after the previews stop, not after each one.
func TestMemorySettles(t *testing.T) {
	var n atomic.Int32
	delay, release := memSettleDelay, memRelease
	memSettleDelay, memRelease = 300*time.Millisecond, func() { n.Add(1) }
	defer func() { memSettleDelay, memRelease = delay, release }()
	h := newHarness(t)
	h.u.OpenPath(examplePath(t, "qingshi.yaml"))
	h.settle()
	// three previews in a row, each within the quiet time of the one before (the first stops
	// the timer of the previews that opened the document)
	h.u.showPreview(h.u.LastPreview)
	n.Store(0)
	for i := 0; i < 3; i++ {
		h.u.showPreview(h.u.LastPreview)
		time.Sleep(50 * time.Millisecond)
	}
	if got := n.Load(); got != 0 {
		t.Fatalf("released %d times while previews were coming", got)
	}
	deadline := time.Now().Add(5 * time.Second)
	for n.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(400 * time.Millisecond)
	if got := n.Load(); got != 1 {
		t.Errorf("released %d times after the previews stopped, want 1", got)
	}
	releaseMemory() // the real one runs (FreeOSMemory, malloc_trim) without harm
}
