package pipeline

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"gongwen/document"
	"gongwen/templates"
)

// TestGenresFromTemplates: the genre table the importers take from the built-in templates
// gives every title the expected genre, format and direction, and the importer, which keeps
// no 文种 of its own, reads each title with it (and without it, none).
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
		{"江城市人民政府关于某事的函复", "han", document.FormatLetter, document.DirectionParallel},
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
	dir := t.TempDir()
	compared := 0 // a title such as 江城市人民政府令 reads as a 发文机关标志
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			g := gs.OfTitle(tt.title)
			if g == nil || g.ID != tt.id || g.Format != tt.format || g.Direction != tt.direction {
				t.Fatalf("OfTitle = %+v, want %s %s %s", g, tt.id, tt.format, tt.direction)
			}
			f := filepath.Join(dir, "in.txt")
			text := tt.title + "\n\n各有关单位：\n  现将有关事项通知如下。\n"
			if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			with, err := document.LoadWith(f, gs)
			if err != nil {
				t.Fatal(err)
			}
			if with.Title == tt.title {
				compared++
			}
			if with.Title == tt.title && with.Genre != tt.id || with.Format != tt.format || with.Direction != tt.direction {
				t.Errorf("imported with the templates: %q %s %s %s, want %s %s %s", with.Title, with.Genre, with.Format, with.Direction, tt.id, tt.format, tt.direction)
			}
			// the importer knows no 文种 of its own
			own, err := document.Load(f)
			if err != nil {
				t.Fatal(err)
			}
			if own.Genre != "" {
				t.Errorf("imported without a genre table: genre %q", own.Genre)
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

var updateGenres = flag.Bool("update-genres", false, "rewrite ../document/testdata/genres.json")

// TestGenresGolden: document/testdata/genres.json, the genre table document's own tests
// import with (they cannot import the templates: templates imports document), is the table
// Genres builds from the built-in templates. go test ./pipeline -run TestGenresGolden
// -update-genres rewrites it after a template changes.
func TestGenresGolden(t *testing.T) {
	got, err := json.MarshalIndent(Genres(templates.Builtins()), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("..", "document", "testdata", "genres.json")
	if *updateGenres {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("%s is not the built-in templates' genre table; run go test ./pipeline -run TestGenresGolden -update-genres", golden)
	}
}
