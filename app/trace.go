package app

import (
	"fmt"
	"os"
	"time"
)

// With GONGWEN_TRACE set the app writes its timings to stderr: how long after an edit its
// preview is on screen (tools/smoke_gui.sh reads these lines to report the preview latency
// after a keystroke).
var traceTiming = os.Getenv("GONGWEN_TRACE") != ""

// traceStart is when the app package was initialised, right after the process started.
var traceStart = time.Now()

// traceStartup reports a step of the start-up: the time since the process started.
func traceStartup(step string) {
	tracef("startup: %s at %d ms", step, time.Since(traceStart).Milliseconds())
}

func tracef(format string, args ...any) {
	if traceTiming {
		fmt.Fprintf(os.Stderr, "gongwen: "+format+"\n", args...)
	}
}

// editTrace is the last edit whose preview is awaited: its revision and when it was made.
type editTrace struct {
	rev uint64
	at  time.Time
}

// traceEdit notes an edit (revision rev) made now.
func (ed *editor) traceEdit(rev uint64) {
	if traceTiming {
		ed.lastEdit = editTrace{rev: rev, at: time.Now()}
	}
}

// tracePreview reports the preview of the awaited edit when res (a main result, on the UI
// goroutine) is it: the time from the edit to the picture handed to the canvas, of which the
// worker's typesetting and painting took res.Elapsed (the rest is the debounce and the wait
// for the UI goroutine); the frame is drawn next.
func (ed *editor) tracePreview(res PreviewResult) {
	if !traceTiming || ed.lastEdit.rev == 0 || res.Analysis == nil || res.Analysis.Rev != ed.lastEdit.rev {
		return
	}
	tracef("preview: on screen %d ms after the edit (debounce %d ms, typesetting and painting %d ms, %d pages)",
		time.Since(ed.lastEdit.at).Milliseconds(), ed.u.opts.Debounce.Milliseconds(), res.Elapsed.Milliseconds(), res.NPages)
	ed.lastEdit = editTrace{}
}
