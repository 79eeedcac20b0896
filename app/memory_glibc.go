//go:build linux && cgo

package app

// #include <malloc.h>
import "C"

// trimCHeap gives the C heap's free pages back to the system (glibc's malloc_trim): the
// blocks Mesa, GLFW and fontconfig freed after the first paint.
func trimCHeap() { C.malloc_trim(0) }
