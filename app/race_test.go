//go:build race

package app

// raceEnabled: timings are not measured under the race detector.
const raceEnabled = true
