//go:build !unix

package safeio

import "os"

// openNoBlock opens for reading (platforms without FIFOs in the file system).
func openNoBlock(path string) (*os.File, error) {
	return os.Open(path)
}
