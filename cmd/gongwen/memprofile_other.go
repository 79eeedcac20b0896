//go:build !unix

package main

// onUSR1 does nothing where there is no SIGUSR1.
func onUSR1(func()) {}
