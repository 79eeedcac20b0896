package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestContinuousScroll: the preview shows every page one under another with a thumbnail
// each; a thumbnail jumps to its page, the wheel makes the page in view the current one,
// only the pages near the viewport are painted sharp and carry 讲解模式's labels.
func TestContinuousScroll(t *testing.T) {
	h := newHarness(t)
	h.u.OpenPath(examplePath(t, "changqi.yaml"))
	h.settle()
	pv := h.u.ed.pv
	pv.setZoom(1)
	h.pumpUntil("the zoomed page", func() bool { return h.u.LastPreview.Seq == h.u.prev.seq })
	n := pv.npages
	if n < 3 {
		t.Fatalf("%d pages: the example should have at least 3", n)
	}
	if len(pv.views) != n || len(pv.column.Objects) != n || len(pv.thumbs.Objects) != n {
		t.Fatalf("%d pages: %d views, %d sheets, %d thumbnails", n, len(pv.views), len(pv.column.Objects), len(pv.thumbs.Objects))
	}
	h.pumpUntil("every thumbnail", func() bool {
		for _, v := range pv.views {
			if v.thumb.Image == nil {
				return false
			}
		}
		return true
	})
	if min := pv.column.MinSize().Height; min < float32(n)*pv.pageSize().Height {
		t.Errorf("the column is %v high for %d pages of %v", min, n, pv.pageSize().Height)
	}

	// a thumbnail jumps to its page
	test.Tap(pv.views[n-1].thumbBtn)
	h.pumpUntil("the last page", func() bool { return h.u.LastPreview.Page == n-1 })
	if pv.page != n-1 || pv.scroll.Offset.Y <= 0 {
		t.Errorf("after the last thumbnail: page %d, offset %v", pv.page, pv.scroll.Offset.Y)
	}
	if !pv.views[n-1].sharp || pv.views[0].sharp && n > 4 {
		t.Errorf("sharp: last %v, first %v", pv.views[n-1].sharp, pv.views[0].sharp)
	}

	// the wheel back to the top makes page 1 current and paints it
	for i := 0; i < 200 && pv.scroll.Offset.Y > 0; i++ {
		pv.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 100)})
	}
	if pv.page != 0 {
		t.Fatalf("at the top the current page is %d", pv.page+1)
	}
	h.pumpUntil("page 1 painted", func() bool { return h.u.LastPreview.Page == 0 && pv.views[0].sharp })

	// 讲解模式 labels the pages near the viewport, not the far ones
	pv.explain.SetChecked(true)
	if len(pv.views[0].overlay.Objects) == 0 || len(pv.views[0].labels) == 0 {
		t.Error("讲解模式 drew nothing on page 1")
	}
	_, last := pv.visible()
	if last < n-1 && len(pv.views[n-1].overlay.Objects) != 0 {
		t.Errorf("讲解模式 drew on page %d, far from the viewport (near %d)", n, last+1)
	}
	pv.gotoPage(n - 1)
	if len(pv.views[n-1].labels) == 0 {
		t.Error("讲解模式 has no labels on the last page after going there")
	}
	pv.explain.SetChecked(false)
}
