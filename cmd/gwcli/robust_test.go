package main

import (
	"archive/zip"
	"bytes"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// TestBadInput runs every command on inputs a user may really give it and checks that each
// gets one Chinese line, the documented exit status, no Go trace or untranslated system
// error, and that nothing is written or lost.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	put := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("word/other.xml")
	w.Write([]byte("<x/>"))
	zw.Close()
	sealDraft := strings.Replace(goodDraft, "  - name: 国务院办公厅\n", "  - name: 国务院办公厅\n    seal: none.png\n", 1) + "sign_off: seal\n"
	put("notimage.png", []byte("not an image"))
	var sealPNG bytes.Buffer
	if err := png.Encode(&sealPNG, image.NewNRGBA(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	put("seal.png", sealPNG.Bytes())
	files := map[string]string{
		"good":      put("good.yaml", []byte(goodDraft)),
		"syntax":    put("syntax.yaml", []byte("version: 1\ntitle: [unclosed\nbody:\n  - a\n")),
		"unknown":   put("unknown.yaml", []byte("version: 1\ntitel: 关于\n")),
		"wrongtype": put("wrongtype.yaml", []byte("version: 1\nbody: 5\n")),
		"baddate":   put("baddate.yaml", []byte("version: 1\ndate: 2024年13月45日\n")),
		"newer":     put("newer.yaml", []byte("version: 99\ntitle: x\n")),
		"empty":     put("empty.yaml", nil),
		"blank":     put("blank.txt", []byte("\ufeff \r\n\r\n")),
		"binary":    put("binary.yaml", []byte{0x89, 'P', 'N', 'G', 0xff, 0xfe, 0, 1, 2}),
		"gbk":       put("gbk.yaml", []byte("version: 1\ntitle: \xb9\xd8\xd3\xda\n")),
		"notzip":    put("notzip.docx", []byte("this is not a zip")),
		"nodocxml":  put("nodoc.docx", zb.Bytes()),
		"seal":      put("seal.yaml", []byte(sealDraft)),
		"sealbad":   put("sealbad.yaml", []byte(strings.Replace(sealDraft, "none.png", "notimage.png", 1))),
		"chars":     put("chars.yaml", []byte(strings.Replace(goodDraft, "特此通知。", "特此通知\a\u202e。😀", 1))),
		"deep":      put("deep.yaml", []byte("version: 1\nbody: "+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)+"\n")),
		"nocontent": put("nocontent.yaml", []byte("version: 1\nissuers:\n  - name: 某局\ndate: 2024年1月5日\nbody: [\"  \"]\n")),
		"goodseal":  put("goodseal.yaml", []byte(strings.Replace(sealDraft, "none.png", "seal.png", 1))),
		"txt":       put("in.txt", []byte("关于某事的通知\n\n各单位：\n    正文。\n\n某局\n2024年1月5日\n")),
		"folder":    filepath.Join(dir, "folder.yaml"),
		"nosuchdir": filepath.Join(dir, "nosuch", "out.pdf"),
	}
	if err := os.Mkdir(filepath.Join(dir, "tpl"), 0o755); err != nil {
		t.Fatal(err)
	}
	put(filepath.Join("tpl", "x.yaml"), []byte("schema_version: 1\nid: "+strings.Repeat("[", 20000)+strings.Repeat("]", 20000)+"\n"))
	if err := os.Mkdir(files["folder"], 0o755); err != nil {
		t.Fatal(err)
	}
	out := func(name string) string { return filepath.Join(dir, "out", name) }
	if err := os.Mkdir(filepath.Join(dir, "out"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string // in stderr, after the file name
	}{
		{"export yaml syntax", []string{"export", "-o", out("a.pdf"), files["syntax"]}, 2, ":3:1: YAML 语法错误"},
		{"export unknown key", []string{"export", "-o", out("a.pdf"), files["unknown"]}, 2, ":2:1: 未知的键“titel”"},
		{"export wrong type", []string{"export", "-o", out("a.pdf"), files["wrongtype"]}, 2, ":2:7: body 应为列表"},
		{"export bad date", []string{"export", "-o", out("a.pdf"), files["baddate"]}, 2, ":2:7: 成文日期"},
		{"export newer draft", []string{"export", "-o", out("a.pdf"), files["newer"]}, 2, ":1:10: 此草稿由较新版本"},
		{"export empty draft", []string{"export", "-o", out("a.pdf"), files["empty"]}, 2, ": 文件是空的"},
		{"export blank txt", []string{"export", "-o", out("a.pdf"), files["blank"]}, 2, ": 文件是空的"},
		{"export binary", []string{"export", "-o", out("a.pdf"), files["binary"]}, 2, "不是有效的 UTF-8"},
		{"export gbk draft", []string{"export", "-o", out("a.pdf"), files["gbk"]}, 2, ":2:8: 草稿文件是 GBK（GB18030）编码"},
		{"export folder", []string{"export", "-o", out("a.pdf"), files["folder"]}, 2, ": 文件夹中没有草稿"},
		{"export missing input", []string{"export", "-o", out("a.pdf"), filepath.Join(dir, "none.yaml")}, 2, ": 文件不存在"},
		{"export not a zip", []string{"export", "-o", out("a.pdf"), files["notzip"]}, 2, "不是有效的 Word 文档"},
		{"export zip without document.xml", []string{"export", "-o", out("a.pdf"), files["nodocxml"]}, 2, "缺少正文部件"},
		{"export deep nesting", []string{"export", "-o", out("a.pdf"), files["deep"]}, 2, ":2:107: 草稿的嵌套层次过深"},
		{"export missing seal pdf", []string{"export", "-o", out("a.pdf"), files["seal"]}, 2, ":13:11: 印章图片“none.png”文件不存在"},
		{"export missing seal docx", []string{"export", "-o", out("a.docx"), files["seal"]}, 2, ":13:11: 印章图片“none.png”"},
		{"export seal not an image png", []string{"export", "-o", out("a.png"), files["sealbad"]}, 2, ":13:11: 印章图片“notimage.png”不是 PNG 或 JPEG"},
		{"export out is in", []string{"export", "--format", "pdf", "-o", files["good"], files["good"]}, 2, ": 输出文件不能与输入文件相同"},
		{"export over the seal image", []string{"export", "--format", "pdf", "-o", filepath.Join(dir, "seal.png"), files["goodseal"]}, 2, "输出文件不能覆盖草稿引用的图片"},
		{"export missing out folder", []string{"export", "-o", files["nosuchdir"], files["good"]}, 2, "不存在"},
		{"export out is a folder", []string{"export", "--format", "pdf", "-o", files["folder"], files["good"]}, 2, "这是一个文件夹"},
		{"check empty", []string{"check", files["empty"]}, 2, ": 文件是空的"},
		{"export no content", []string{"export", "-o", out("a.pdf"), files["nocontent"]}, 2, ": 没有标题、正文或附件"},
		{"check no content", []string{"check", files["nocontent"]}, 2, ": 没有标题、正文或附件"},
		{"check missing seal", []string{"check", "--json", files["seal"]}, 2, ":13:11: 印章图片“none.png”文件不存在"},
		{"check unknown genre", []string{"check", "--genre", "nosuch", files["good"]}, 2, "没有文种模板"},
		{"check newer", []string{"check", "--json", files["newer"]}, 2, ":1:10:"},
		{"fix folder", []string{"fix", files["folder"]}, 2, ": 这是一个文件夹"},
		{"fix missing", []string{"fix", filepath.Join(dir, "none.txt")}, 2, ": 文件不存在"},
		{"fix out folder missing", []string{"fix", "-o", filepath.Join(dir, "nosuch", "x.txt"), files["txt"]}, 2, "不存在"},
		{"fix out is a folder", []string{"fix", "-o", files["folder"], files["txt"]}, 2, "这是一个文件夹"},
		{"import out is in", []string{"import", "-o", files["txt"], files["txt"]}, 2, "输出文件不能与输入文件相同"},
		{"import over a newer draft", []string{"import", "-o", files["newer"], files["txt"]}, 2, "较新版本"},
		{"import empty", []string{"import", files["blank"]}, 2, ": 文件是空的"},
		{"templates new missing folder", []string{"templates", "new", "-o", filepath.Join(dir, "nosuch", "x.yaml"), "abcd"}, 2, "输出文件夹“" + filepath.Join(dir, "nosuch") + "”不存在"},
		{"templates lint too deep", []string{"templates", "lint", filepath.Join(dir, "tpl")}, 1, "x.yaml:2:105: 嵌套层次过深"},
		{"import not a zip", []string{"import", "-o", out("a.yaml"), files["notzip"]}, 2, "不是有效的 Word 文档"},
	}
	english := regexp.MustCompile(`no such file|is a directory|permission denied|not a regular file|goroutine |panic:|\.go:\d+`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot(t, dir)
			stdout, stderr, code := runCLI(tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstderr: %s", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q lacks %q", stderr, tt.want)
			}
			lint := tt.args[0] == "templates" && tt.args[1] == "lint" // lint lists FILE:LINE:COL: 说明 like a compiler
			if !strings.HasPrefix(stderr, "gwcli") && !lint || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Errorf("want one line starting with gwcli, got %q", stderr)
			}
			if english.MatchString(stderr) {
				t.Errorf("untranslated system error or trace: %q", stderr)
			}
			if after := snapshot(t, dir); after != before {
				t.Errorf("files changed on failure:\nbefore %s\nafter  %s\nstdout %s", before, after, stdout)
			}
		})
	}

	// fix refuses a file whose encoding would not come back byte for byte
	badEnc := put("badenc.txt", []byte("正文\xff\xfe\x80\n"))
	if _, stderr, code := runCLI("fix", "-o", badEnc, badEnc); code != 2 || !strings.Contains(stderr, "无法识别此文件的编码") {
		t.Errorf("fix of an unknown encoding: exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(badEnc); string(got) != "正文\xff\xfe\x80\n" {
		t.Errorf("fix changed a file it refused: %q", got)
	}

	// Characters no font has: exported (each shown as 〓) with a warning; control and format
	// characters quoted in a message are shown as <U+XXXX>, never sent to the terminal.
	for _, ext := range []string{"pdf", "docx"} {
		_, stderr, code := runCLI("export", "-o", out("chars."+ext), files["chars"])
		if code != 0 {
			t.Fatalf("chars %s: exit %d: %s", ext, code, stderr)
		}
		if strings.ContainsAny(stderr, "\a\u202e") {
			t.Errorf("chars %s: raw control characters in %q", ext, stderr)
		}
	}
}

// TestExportLimits: a PNG resolution that would need gigabytes is a usage error; --system-fonts
// on a machine without the 公文 fonts says that the bundled ones are used.
func TestExportLimits(t *testing.T) {
	in := writeTemp(t, "in.yaml", goodDraft)
	_, stderr, code := runCLI("export", "--dpi", "1200", "-o", filepath.Join(t.TempDir(), "a.png"), in)
	if code != 2 || !strings.Contains(stderr, "--dpi 1200 超出范围 10–600") {
		t.Errorf("--dpi 1200: exit %d: %s", code, stderr)
	}
	_, stderr, code = runCLI("export", "--system-fonts", "-o", filepath.Join(t.TempDir(), "a.pdf"), in)
	if code != 0 {
		t.Fatalf("--system-fonts: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "使用系统字体") && !strings.Contains(stderr, "本机没有找到公文字体") {
		t.Errorf("--system-fonts says nothing about the fonts: %q", stderr)
	}
}

// snapshot lists the files under dir with their sizes and contents' lengths.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return nil
		}
		data := ""
		if fi.Mode().IsRegular() {
			d, _ := os.ReadFile(p)
			data = string(d)
		}
		b.WriteString(p + "=" + data + ";")
		return nil
	})
	return b.String()
}

// TestCheckNoPlace: a finding about the whole document prints FILE: … rather than FILE:0:0.
func TestCheckNoPlace(t *testing.T) {
	in := writeTemp(t, "in.txt", "关于某事的请示\n\n某省政府：\n    正文一段。\n\n某市政府\n2024年1月5日\n")
	stdout, _, _ := runCLI("check", "--genre", "qingshi", in)
	if strings.Contains(stdout, ":0:0:") {
		t.Errorf("finding at 0:0:\n%s", stdout)
	}
	if !strings.Contains(stdout, in+": warning qingshi-contact") {
		t.Errorf("want %s: warning qingshi-contact …, got\n%s", in, stdout)
	}
}

// TestFixKeepsBOMAndCRLF: fix edits only the mechanical mistakes; the byte order mark and the
// CRLF line ends stay, also when fixing in place (-o INPUT).
func TestFixKeepsBOMAndCRLF(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"crlf.txt", "\ufeff某某市人民政府文件\r\n\r\n某政〔2024〕05号\r\n\r\n关于某事的请示\r\n\r\n省政府\r\n    正文一段。\r\n\r\n某某市人民政府\r\n2024年1月5日\r\n",
			"\ufeff某某市人民政府文件\r\n\r\n某政〔2024〕5号\r\n\r\n关于某事的请示\r\n\r\n省政府：\r\n    正文一段。\r\n\r\n某某市人民政府\r\n2024年1月5日\r\n"},
		{"yaml", "\ufeffversion: 1\r\nnumber: 某政[2024]07号\r\ntitle: 关于某事的请示\r\n",
			"\ufeffversion: 1\r\nnumber: 某政〔2024〕7号\r\ntitle: 关于某事的请示\r\n"},
	}
	utf16 := func(e xunicode.Endianness, s string) string {
		b, err := xunicode.UTF16(e, xunicode.ExpectBOM).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	gbk := func(s string) string {
		b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests = append(tests, []struct{ name, in, want string }{
		{"bom-line-1.txt", "\ufeff某政〔2024〕05号\n\n关于某事的请示\n\n省政府：\n    正文。\n",
			"\ufeff某政〔2024〕5号\n\n关于某事的请示\n\n省政府：\n    正文。\n"},
		{"gbk.txt", gbk("某政〔2024〕05号\r\n\r\n关于某事的请示\r\n\r\n省政府\r\n    正文一段,内容.\r\n"),
			gbk("某政〔2024〕5号\r\n\r\n关于某事的请示\r\n\r\n省政府：\r\n    正文一段，内容。\r\n")},
		{"utf16le.txt", utf16(xunicode.LittleEndian, "某政〔2024〕05号\r\n\r\n关于某事的请示\r\n"), utf16(xunicode.LittleEndian, "某政〔2024〕5号\r\n\r\n关于某事的请示\r\n")},
		{"utf16be.txt", utf16(xunicode.BigEndian, "某政〔2024〕05号\n\n关于某事的请示\n"), utf16(xunicode.BigEndian, "某政〔2024〕5号\n\n关于某事的请示\n")},
	}...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeTemp(t, "in."+strings.TrimSuffix(tt.name, ".txt")+".txt", tt.in)
			if strings.HasSuffix(tt.name, "yaml") {
				p = writeTemp(t, "in.yaml", tt.in)
			}
			if _, stderr, code := runCLI("fix", "-o", p, p); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got, _ := os.ReadFile(p)
			if string(got) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestVisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"正文", "正文"},
		{"a\ab", "a<U+0007>b"},
		{"\u202e反", "<U+202E>反"},
		{"\u200b", "<U+200B>"},
		{"😀𠀀", "😀𠀀"},
	}
	for _, tt := range tests {
		if got := visible(tt.in); got != tt.want {
			t.Errorf("visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPanicBecomesOneLine: a bug that panics inside a command gives one line and the failure
// status, not a Go stack trace.
func TestPanicBecomesOneLine(t *testing.T) {
	tests := []struct {
		cmd  string
		code int
	}{
		{"export", 2},
		{"check", 2},
	}
	for _, tt := range tests {
		t.Run(tt.cmd, func(t *testing.T) {
			old := commands[tt.cmd]
			commands[tt.cmd] = func([]string, io.Writer, io.Writer) int { panic("boom\nsecond line") }
			defer func() { commands[tt.cmd] = old }()
			_, stderr, code := runCLI(tt.cmd, "x.yaml")
			if code != tt.code || !strings.HasPrefix(stderr, "gwcli: "+tt.cmd+": 内部错误") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q", code, stderr)
			}
		})
	}
}

// TestOutDash: "-o -" writes to standard output, never a file named "-".
func TestOutDash(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.txt")
	if err := os.WriteFile(in, []byte("关于某事的通知\n\n各单位：\n    正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, cmd := range []string{"fix", "import"} {
		stdout, stderr, code := runCLI(cmd, "-o", "-", in)
		if code != 0 || stdout == "" {
			t.Errorf("%s -o -: exit %d, stdout %q, stderr %q", cmd, code, stdout, stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
			t.Errorf("%s -o - wrote a file named -", cmd)
		}
	}
}
