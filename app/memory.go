package app

import (
	"runtime"
	"runtime/debug"
	"time"
)

// The memory typesetting and painting leave behind (issue 14: RSS under 200 MB with the
// 6-page example). A preview typesets every page and paints the visible ones: the Go heap
// peaks well above what stays live, and with GOGC and the memory limit of cmd/gongwen the
// runtime keeps the freed pages for minutes (measured with the 6-page example under Xvfb:
// HeapIdle−HeapReleased 16–29 MB), as glibc keeps the blocks Mesa and GLFW freed. When the
// app has been quiet for memSettleDelay after a preview (the user stopped typing), both are
// handed back to the system: a forced collection off the UI goroutine, some milliseconds.

// memSettleDelay is the quiet time after a preview before the memory is released;
// memRelease releases it (variables for the tests).
var (
	memSettleDelay = 3 * time.Second
	memRelease     = releaseMemory
)

// settleMemory (re)starts the release timer; called on the UI goroutine after each preview
// and each redraw of the preview's overlays.
func (u *UI) settleMemory() {
	if u.memTimer != nil {
		u.memTimer.Stop()
	}
	u.memTimer = time.AfterFunc(memSettleDelay, memRelease)
}

// releaseMemory returns the freed pages of the Go heap and of the C heap to the system.
func releaseMemory() {
	debug.FreeOSMemory()
	trimCHeap()
	if traceTiming {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		tracef("memory released: Go heap %.1f MB live, %.1f MB in spans, %.1f MB held unreleased, %.1f MB stacks, %.1f MB runtime metadata (spans %.1f, GC %.1f, other %.1f)",
			mb(m.HeapAlloc), mb(m.HeapInuse), mb(m.HeapIdle-m.HeapReleased), mb(m.StackSys), mb(m.MSpanSys+m.MCacheSys+m.GCSys+m.BuckHashSys+m.OtherSys),
			mb(m.MSpanSys), mb(m.GCSys), mb(m.OtherSys+m.MCacheSys+m.BuckHashSys))
	}
}

func mb(n uint64) float64 { return float64(n) / (1 << 20) }
