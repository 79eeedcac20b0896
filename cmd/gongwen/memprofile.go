package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

// memProfile writes a heap profile (for go tool pprof) to $GONGWEN_MEMPROFILE 15 s after
// the start, when the first document has been typeset and painted: how the app's memory is
// measured (tools/smoke_gui.sh, README's notes on memory). Without the variable it does
// nothing.
func memProfile() {
	path := os.Getenv("GONGWEN_MEMPROFILE")
	if path == "" {
		return
	}
	go func() {
		time.Sleep(15 * time.Second)
		runtime.GC()
		f, err := os.Create(path)
		if err != nil {
			return
		}
		defer f.Close()
		_ = pprof.Lookup("heap").WriteTo(f, 0)
		// and the runtime's totals beside it: live heap, heap held, stacks, runtime overhead
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		_ = os.WriteFile(path+".txt", fmt.Appendf(nil, "HeapAlloc %d MB\nHeapInuse %d MB\nHeapIdle %d MB\nHeapReleased %d MB\nStackSys %d MB\nSys %d MB\nNumGC %d\n",
			m.HeapAlloc>>20, m.HeapInuse>>20, m.HeapIdle>>20, m.HeapReleased>>20, m.StackSys>>20, m.Sys>>20, m.NumGC), 0o644)
	}()
}
