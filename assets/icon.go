package assets

import _ "embed"

// Icon is the application icon (PNG, 512 × 512), drawn by cmd/gongwen/icon_gen.go.
//
//go:embed icon.png
var Icon []byte
