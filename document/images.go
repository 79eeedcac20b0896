package document

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // seal and signature images may be JPEG
	"image/png"    // or PNG
	"io/fs"
	"path/filepath"
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
	for _, im := range neededImages(doc) {
		if _, err := checkImage(doc, im.path, im.file, im.what); err != nil {
			return err
		}
	}
	return nil
}

// checkImage reads and checks one image and returns it as DecodeImage does.
func checkImage(doc *Document, path, file, what string) ([]byte, error) {
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
		return nil, fail(fmt.Sprintf("%s图片“%s”%s（路径相对于草稿所在的文件夹）", what, file, msg), err)
	}
	out, err := DecodeImage(data)
	if err != nil {
		var ie *imageError
		if errors.As(err, &ie) {
			return nil, fail(fmt.Sprintf(ie.format, what, file), ie.err)
		}
		return nil, fail(fmt.Sprintf("%s图片“%s”已损坏，无法解码", what, file), err)
	}
	return out, nil
}

// imageError is a DecodeImage failure: format takes the image's role and file name.
type imageError struct {
	format string
	err    error
}

func (e *imageError) Error() string { return fmt.Sprintf(e.format, "图片", "") }
func (e *imageError) Unwrap() error { return e.err }

// ReadImage reads a seal or signature image (file relative to dir) through the bounded
// reader and returns it as DecodeImage does: bytes every writer takes.
func ReadImage(dir, file string) ([]byte, error) {
	full := file
	if !filepath.IsAbs(full) {
		full = filepath.Join(dir, file)
	}
	data, err := readFileLimited(full, MaxImageSize)
	if err != nil {
		return nil, err
	}
	return DecodeImage(data)
}

// DecodeImage checks a seal or signature image (PNG or JPEG within the size limits, decoding
// completely) and returns it in a form every writer (PDF, PNG, OFD, DOCX) takes: an 8-bit,
// non-interlaced PNG or a baseline RGB/grey JPEG is returned as it is; a 16-bit, interlaced
// or palette PNG and a CMYK JPEG are converted to an 8-bit RGBA PNG. An image without any
// transparency (a seal scanned or photographed on white paper) would hide the 署名 and the
// date it presses: its white background is made transparent (pixels within 12% of white in
// every channel), and the image is returned as an RGBA PNG.
func DecodeImage(data []byte) ([]byte, error) {
	cfg, format, err := ImageConfig(data)
	if err != nil {
		if cfg.Width == 0 {
			return nil, &imageError{"%s图片“%s”不是 PNG 或 JPEG 图片", err}
		}
		return nil, &imageError{fmt.Sprintf("%%s图片“%%s”的尺寸 %d×%d 像素不可用（每边最多 %d 像素）", cfg.Width, cfg.Height, MaxImageSide), nil}
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, &imageError{"%s图片“%s”已损坏，无法解码", err}
	}
	if hasTransparency(img) && writersTake(data, format, img) {
		return data, nil
	}
	out := image.NewNRGBA(img.Bounds())
	opaque := !hasTransparency(img)
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if opaque && c.R >= 225 && c.G >= 225 && c.B >= 225 {
				c.A = 0
			}
			out.SetNRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, out); err != nil {
		return nil, &imageError{"%s图片“%s”无法转换", err}
	}
	return buf.Bytes(), nil
}

// writersTake reports whether the image's bytes can go to every writer as they are: a PNG of
// bit depth 8 (or less, not a palette) without interlacing, or a JPEG that is not CMYK.
func writersTake(data []byte, format string, img image.Image) bool {
	if format == "jpeg" {
		switch img.(type) {
		case *image.CMYK:
			return false
		}
		return true
	}
	// IHDR: width(4) height(4) depth(1) colour type(1) compression(1) filter(1) interlace(1),
	// at byte 16 after the signature and the chunk's length and type.
	if len(data) < 29 || string(data[12:16]) != "IHDR" || binary.BigEndian.Uint32(data[8:12]) != 13 {
		return false
	}
	depth, ctype, interlace := data[24], data[25], data[28]
	return depth == 8 && ctype != 3 && interlace == 0
}

// hasTransparency reports whether any pixel of img is not fully opaque.
func hasTransparency(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return !o.Opaque()
	}
	return true
}

// file is the name of the input the source was read from, or "" for a nil Source.
func (s *Source) file() string {
	if s == nil {
		return ""
	}
	return s.File
}

// ErrImageFormat marks an image that is not a PNG or JPEG within the size limits.
var ErrImageFormat = errors.New("not a png or jpeg image within the size limits")

// ImageConfig reads an image's header and accepts it only as a PNG or JPEG within
// MaxImageSide and MaxImagePixels, before anything allocates its pixels: the one check that
// DecodeImage and the PDF and OFD writers make. A header that cannot be read returns the
// decoder's error; another format, or a size out of the limits, an error wrapping
// ErrImageFormat (with the config, whose Width is then non-zero for a size refusal).
func ImageConfig(data []byte) (image.Config, string, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return image.Config{}, "", err
	}
	if format != "png" && format != "jpeg" {
		return image.Config{}, format, fmt.Errorf("%s: %w", format, ErrImageFormat)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxImageSide || cfg.Height > MaxImageSide ||
		int64(cfg.Width)*int64(cfg.Height) > MaxImagePixels {
		return cfg, format, fmt.Errorf("%d×%d pixels: %w", cfg.Width, cfg.Height, ErrImageFormat)
	}
	return cfg, format, nil
}
