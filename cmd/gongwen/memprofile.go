package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"time"
)

// memProfile writes a heap profile (for go tool pprof) to $GONGWEN_MEMPROFILE 15 s after
// the start, when the first document has been typeset and painted, and again to
// $GONGWEN_MEMPROFILE.N at the N-th SIGUSR1 (after typing, say): how the app's memory is
// measured (tools/smoke_gui.sh, README's notes on memory). Allocations are sampled every
// 64 KB ($GONGWEN_MEMPROFILE_RATE bytes). Without the variable it does nothing.
func memProfile() {
	path := os.Getenv("GONGWEN_MEMPROFILE")
	if path == "" {
		return
	}
	runtime.MemProfileRate = 64 << 10
	if r, err := strconv.Atoi(os.Getenv("GONGWEN_MEMPROFILE_RATE")); err == nil && r > 0 {
		runtime.MemProfileRate = r
	}
	go func() {
		time.Sleep(15 * time.Second)
		writeMemProfile(path)
	}()
	n := 0
	onUSR1(func() {
		n++
		writeMemProfile(fmt.Sprintf("%s.%d", path, n))
	})
}

// cpuProfile profiles the CPU from the start for $GONGWEN_CPUPROFILE_MS milliseconds
// (3000 by default) into $GONGWEN_CPUPROFILE: where the start-up's time goes.
func cpuProfile() {
	path := os.Getenv("GONGWEN_CPUPROFILE")
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err != nil {
		return
	}
	ms, err := strconv.Atoi(os.Getenv("GONGWEN_CPUPROFILE_MS"))
	if err != nil || ms <= 0 {
		ms = 3000
	}
	if pprof.StartCPUProfile(f) != nil {
		f.Close()
		return
	}
	time.AfterFunc(time.Duration(ms)*time.Millisecond, func() {
		pprof.StopCPUProfile()
		f.Close()
	})
}

// writeMemProfile writes the heap profile to path and the runtime's totals beside it (live
// heap, heap held, stacks, runtime overhead) to path.txt.
func writeMemProfile(path string) {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	_ = pprof.Lookup("heap").WriteTo(f, 0)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	_ = os.WriteFile(path+".txt", fmt.Appendf(nil, "HeapAlloc %d MB\nHeapInuse %d MB\nHeapIdle %d MB\nHeapReleased %d MB\nStackSys %d MB\nSys %d MB\nNumGC %d\n",
		m.HeapAlloc>>20, m.HeapInuse>>20, m.HeapIdle>>20, m.HeapReleased>>20, m.StackSys>>20, m.Sys>>20, m.NumGC), 0o644)
}
