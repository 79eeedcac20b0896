package document

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func encodePNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.NRGBA{R: 200, A: 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// hugePNG is a PNG header claiming w×h pixels with almost no data behind it.
func hugePNG(t *testing.T, w, h uint32) []byte {
	t.Helper()
	small := encodePNG(t, 1, 1)
	// IHDR's width and height are at bytes 16–23, its CRC (over type and data) at 29–32.
	b := append([]byte(nil), small...)
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

func TestCheckImages(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := encodePNG(t, 40, 40)
	write("seal.png", good)
	write("text.png", []byte("not an image"))
	var g bytes.Buffer
	if err := gif.Encode(&g, image.NewPaletted(image.Rect(0, 0, 4, 4), []color.Color{color.Black, color.White}), nil); err != nil {
		t.Fatal(err)
	}
	write("seal.gif", g.Bytes())
	write("huge.png", hugePNG(t, 100000, 100000))
	write("trunc.png", good[:len(good)/2])
	if err := os.Mkdir(filepath.Join(dir, "folder.png"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, yaml string
		want       string // "" = no error; else a part of the message
		line, col  int
	}{
		{"good seal", "sign_off: seal\nissuers:\n  - name: 某局\n    seal: seal.png\n", "", 0, 0},
		{"missing seal", "sign_off: seal\nissuers:\n  - name: 某局\n    seal: none.png\n", "“none.png”文件不存在", 4, 11},
		{"not an image", "sign_off: seal\nissuers:\n  - name: 某局\n    seal: text.png\n", "不是 PNG 或 JPEG", 4, 11},
		{"gif", "sign_off: seal\nissuers:\n  - name: 某局\n    seal: seal.gif\n", "不是 PNG 或 JPEG", 4, 11},
		{"huge", "sign_off: seal\nissuers:\n  - name: 某局\n    seal: huge.png\n", "100000×100000", 4, 11},
		{"truncated", "sign_off: seal\nissuers:\n  - name: 某局\n    seal: trunc.png\n", "已损坏", 4, 11},
		{"folder", "sign_off: seal\nissuers:\n  - name: 某局\n    seal: folder.png\n", "文件夹", 4, 11},
		{"second issuer", "sign_off: seal\nissuers:\n  - name: 甲\n    seal: seal.png\n  - name: 乙\n    seal: x.png\n", "“x.png”", 6, 11},
		{"noseal mode ignores the seal", "sign_off: noseal\nissuers:\n  - name: 某局\n    seal: none.png\n", "", 0, 0},
		{"signature stamp missing", "sign_off: signature\nsignature_image: sig.png\n", "签名章图片“sig.png”", 2, 18},
		{"order format defaults to signature", "format: order\nsignature_image: text.png\n", "签名章", 2, 18},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("d.yaml", []byte("version: 1\n"+tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			doc.Dir = dir
			err = CheckImages(doc)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("CheckImages: %v", err)
				}
				return
			}
			var de *Error
			if !errors.As(err, &de) || !errors.Is(err, ErrBadImage) {
				t.Fatalf("want *Error wrapping ErrBadImage, got %v", err)
			}
			if !strings.Contains(de.Msg, tt.want) || de.Line != tt.line+1 || de.Col != tt.col {
				t.Errorf("got %q at %d:%d, want %q at %d:%d", de.Error(), de.Line, de.Col, tt.want, tt.line+1, tt.col)
			}
		})
	}
	if err := CheckImages(nil); err != nil {
		t.Errorf("nil document: %v", err)
	}
}
