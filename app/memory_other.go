//go:build !linux || !cgo

package app

// trimCHeap does nothing where the C allocator is not glibc's.
func trimCHeap() {}
