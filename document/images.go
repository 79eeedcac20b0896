package document

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // seal and signature images may be JPEG
	_ "image/png"  // or PNG
	"io/fs"
	"path/filepath"
	"strconv"
)

// Limits of the seal and signature images CheckImages accepts. A seal 42 mm wide at 1200 dpi
// is about 2000 pixels; the limits keep a mistaken photo or a crafted file from exhausting
// memory when the writers decode it.
const (
	MaxImageSize   = 20 << 20 // bytes
	MaxImageSide   = 8000     // pixels, each side
	MaxImagePixels = 24 << 20 // pixels, width × height
)

// ErrBadImage marks a seal or signature image that is missing, unreadable or not a usable
// PNG/JPEG.
var ErrBadImage = errors.New("bad image")

// CheckImages checks the images the sign-off will print: each issuer's seal in the seal mode
// and the signature stamp in the signature mode (the default mode of the 命令格式). Each must
// be a readable PNG or JPEG file within the size limits that decodes completely. The first
// problem is returned as an *Error wrapping ErrBadImage, at the place of the path in the
// input when Source knows it. Relative paths are read from doc.Dir.
func CheckImages(doc *Document) error {
	if doc == nil {
		return nil
	}
	mode := doc.SignOff
	if mode == "" && doc.Format == FormatOrder {
		mode = SignOffSignature
	}
	switch mode {
	case SignOffSeal:
		for i, is := range doc.Issuers {
			if is.Seal == "" {
				continue
			}
			if err := checkImage(doc, "issuers."+strconv.Itoa(i)+".seal", is.Seal, "印章"); err != nil {
				return err
			}
		}
	case SignOffSignature:
		if doc.SignatureImage != "" {
			return checkImage(doc, PathSignatureImage, doc.SignatureImage, "签名章")
		}
	}
	return nil
}

func checkImage(doc *Document, path, file, what string) error {
	full := file
	if !filepath.IsAbs(full) {
		full = filepath.Join(doc.Dir, file)
	}
	fail := func(msg string, err error) error {
		e := &Error{File: doc.Source.file(), Msg: msg, Err: ErrBadImage}
		if err != nil {
			e.Err = fmt.Errorf("%w: %w", ErrBadImage, err)
		}
		if p, ok := doc.Source.Locate(path, 0); ok {
			e.Line, e.Col = p.Line, p.Col
		}
		return e
	}
	data, err := readFileLimited(full, MaxImageSize)
	if err != nil {
		var de *Error
		msg := "无法读取"
		if errors.As(err, &de) {
			msg = de.Msg
		}
		if errors.Is(err, fs.ErrNotExist) {
			msg = "文件不存在"
		}
		if errors.Is(err, ErrTooLarge) {
			msg = fmt.Sprintf("文件过大（超过 %d MB）", MaxImageSize>>20)
		}
		return fail(fmt.Sprintf("%s图片“%s”%s（路径相对于草稿所在的文件夹）", what, file, msg), err)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		return fail(fmt.Sprintf("%s图片“%s”不是 PNG 或 JPEG 图片", what, file), err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxImageSide || cfg.Height > MaxImageSide ||
		int64(cfg.Width)*int64(cfg.Height) > MaxImagePixels {
		return fail(fmt.Sprintf("%s图片“%s”的尺寸 %d×%d 像素不可用（每边最多 %d 像素）", what, file, cfg.Width, cfg.Height, MaxImageSide), nil)
	}
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return fail(fmt.Sprintf("%s图片“%s”已损坏，无法解码", what, file), err)
	}
	return nil
}

// file is the name of the input the source was read from, or "" for a nil Source.
func (s *Source) file() string {
	if s == nil {
		return ""
	}
	return s.File
}
