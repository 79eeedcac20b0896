//go:build race

package png

const raceEnabled = true
