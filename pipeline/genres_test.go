package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"gongwen/document"
	"gongwen/templates"
)

// TestGenresFromTemplates: the genre table the importers take from the built-in templates
// gives every title the genre, format and direction the importer's own guess gave (so the
// importer's table can go), and the expected ones.
func TestGenresFromTemplates(t *testing.T) {
	gs := Genres(templates.Builtins())
	tests := []struct {
		title     string
		id        string
		format    document.Format
		direction document.Direction
	}{
		{"江城市人民政府关于做好防汛工作的通知", "tongzhi", document.FormatFile, document.DirectionDown},
		{"江城市人民政府关于印发《防汛预案》的通知", "tongzhi-yinfa", document.FormatFile, document.DirectionDown},
		{"江城市人民政府批转市发展改革委关于某事意见的通知", "tongzhi-pizhuan", document.FormatFile, document.DirectionDown},
		{"江城市人民政府办公室转发省政府关于某事的通知", "tongzhi-zhuanfa", document.FormatFile, document.DirectionDown},
		{"江城市交通运输局关于修建某路的请示", "qingshi", document.FormatFile, document.DirectionUp},
		{"江城市交通运输局关于某事的报告", "baogao", document.FormatFile, document.DirectionUp},
		{"江城市人民政府关于某事的批复", "pifu", document.FormatFile, document.DirectionDown},
		{"江城市人民政府关于商请支持某事的函", "han", document.FormatLetter, document.DirectionParallel},
		{"关于进一步加强安全生产工作的实施意见", "yijian", document.FormatFile, document.DirectionDown},
		{"关于表彰先进集体的决定", "jueding", document.FormatFile, document.DirectionDown},
		{"市十届人大三次会议关于政府工作报告的决议", "jueyi", document.FormatFile, document.DirectionDown},
		{"关于某事故的通报", "tongbao", document.FormatFile, document.DirectionDown},
		{"江城市人民政府公告", "gonggao", document.FormatFile, document.DirectionDown},
		{"关于禁止燃放烟花爆竹的通告", "tonggao", document.FormatFile, document.DirectionDown},
		{"第七次全国人口普查公报", "gongbao", document.FormatFile, document.DirectionDown},
		{"江城市人民政府令", "mingling", document.FormatOrder, document.DirectionDown},
		{"关于提请审议某条例的议案", "yian", document.FormatFile, document.DirectionParallel},
		{"食品安全问题整改方案", "zhenggai", document.FormatFile, document.DirectionDown},
		{"关于某事的请示（代拟稿）", "qingshi", document.FormatFile, document.DirectionUp},
	}
	// where the importer's own table disagreed with the templates, the template is right
	known := map[string]string{"yian": "the importer took a 议案 for 下行文; the template (and the app) say 平行文"}
	dir := t.TempDir()
	compared := 0
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			g := gs.OfTitle(tt.title)
			if g == nil || g.ID != tt.id || g.Format != tt.format || g.Direction != tt.direction {
				t.Fatalf("OfTitle = %+v, want %s %s %s", g, tt.id, tt.format, tt.direction)
			}
			// the importer's own guess agrees (as long as it keeps one)
			f := filepath.Join(dir, "in.txt")
			text := tt.title + "\n\n各有关单位：\n  现将有关事项通知如下。\n"
			if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			own, err := document.Load(f)
			if err != nil {
				t.Fatal(err)
			}
			with, err := document.LoadWith(f, gs)
			if err != nil {
				t.Fatal(err)
			}
			if own.Title == tt.title {
				compared++
			}
			if own.Title == tt.title && known[tt.id] == "" && (own.Genre != with.Genre || own.Format != with.Format || own.Direction != with.Direction) {
				t.Errorf("the importer's guess %s %s %s, the templates' %s %s %s", own.Genre, own.Format, own.Direction, with.Genre, with.Format, with.Direction)
			}
			if with.Title == tt.title && with.Genre != tt.id {
				t.Errorf("imported with the templates: genre %q, want %q", with.Genre, tt.id)
			}
		})
	}
	if compared < len(tests)*2/3 {
		t.Errorf("the importer read only %d of %d titles as titles", compared, len(tests))
	}
	if g := gs.OfTitle("某事"); g != nil {
		t.Errorf("a title without 文种: %+v", g)
	}
}
