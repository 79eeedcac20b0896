package app

import (
	"fyne.io/fyne/v2"

	"gongwen/assets"
)

// appIcon is the window and application icon.
func appIcon() fyne.Resource {
	if len(assets.Icon) == 0 {
		return nil
	}
	return fyne.NewStaticResource("icon.png", assets.Icon)
}
