//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"
)

// onUSR1 calls f (on its own goroutine) at each SIGUSR1.
func onUSR1(f func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGUSR1)
	go func() {
		for range sig {
			f()
		}
	}()
}
