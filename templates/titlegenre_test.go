package templates

import (
	"testing"

	"gongwen/document"
)

// TestTitleGenre: a title's genre is read one way: Set.TitleGenre is the importers' reading
// (document.Genres.OfTitle on the set's GenreTable), for every title of the table.
func TestTitleGenre(t *testing.T) {
	s := Builtins()
	table := s.GenreTable()
	for _, tt := range []struct{ title, id string }{
		{"国务院关于同意某事的批复", "pifu"},
		{"关于某事的请示", "qingshi"},
		{"关于某事的请示（代拟稿）", "qingshi"},
		{"关于某事的\n报告", "baogao"},
		{"关于某事的请示报告", "baogao"}, // a mixed genre: title-mixed-genre reports it
		{"某某的复函", "han"},
		{"江城市人民政府关于某事的函复", "han"},
		{"关于 某事 的 函", "han"},
		{"某某市人民政府令", "mingling"},
		{"关于某事的通知", "tongzhi"},
		{"关于某事的通知。", "tongzhi"},
		{"关于某事的通知；", "tongzhi"},
		{"关于某事的通知（试行）；", "tongzhi"},
		{"关于某事的通知（征求意见稿）(2024年修订)", "tongzhi"},
		{"关于某事的通知（征求意见稿）", "tongzhi"},
		{"关于印发《办法（试行）》的通知", "tongzhi-yinfa"},
		{"江城市人民政府办公室转发省政府关于某事的通知", "tongzhi-zhuanfa"},
		{"江城市人民政府批转市发展改革委关于某事意见的通知", "tongzhi-pizhuan"},
		{"关于进一步加强安全生产工作的实施意见", "yijian"},
		{"食品安全问题整改方案", "zhenggai"},
		{"第七次全国人口普查公报", "gongbao"},
		{"某某会议纪要", "jiyao"},
		{"某某实施方案", ""},
		{"关于某事", ""},
		{"", ""},
	} {
		got, want := "", ""
		if g := s.TitleGenre(tt.title); g != nil {
			got = g.ID
		}
		if gi := table.OfTitle(tt.title); gi != nil {
			want = gi.ID
		}
		if got != tt.id || want != tt.id {
			t.Errorf("%q: Set.TitleGenre %q, GenreTable().OfTitle %q, want %q", tt.title, got, want, tt.id)
		}
	}
	for f, id := range map[string]string{"order": "mingling", "minutes": "jiyao", "letter": "han", "file": ""} {
		got := ""
		if g := s.FormatGenre(document.Format(f)); g != nil {
			got = g.ID
		}
		if got != id {
			t.Errorf("FormatGenre(%s) = %q, want %q", f, got, id)
		}
	}
}
