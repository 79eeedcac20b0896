package document

import (
	"fmt"
	"strconv"
)

// The images a document prints (seals, the signature stamp) are read once, by LoadImages,
// into Document.Images; the layout and the writers take the bytes from there and open no
// file.

// neededImage is an image the sign-off prints: its element path, its file name as written
// and what it is (印章, 签名章).
type neededImage struct{ path, file, what string }

// neededImages lists the images the sign-off prints: each issuer's seal in the seal mode and
// the signature stamp in the signature mode (the default mode of the 命令格式).
func neededImages(doc *Document) []neededImage {
	if doc == nil {
		return nil
	}
	mode := doc.SignOff
	if mode == "" && doc.Format == FormatOrder {
		mode = SignOffSignature
	}
	var out []neededImage
	switch mode {
	case SignOffSeal:
		for i, is := range doc.Issuers {
			if is.Seal != "" {
				out = append(out, neededImage{"issuers." + strconv.Itoa(i) + ".seal", is.Seal, "印章"})
			}
		}
	case SignOffSignature:
		if doc.SignatureImage != "" {
			out = append(out, neededImage{PathSignatureImage, doc.SignatureImage, "签名章"})
		}
	}
	return out
}

// LoadImages reads the images the sign-off prints into doc.Images, checked and converted as
// DecodeImage does (relative paths from doc.Dir). An image already there is not read again.
// A problem is kept with the document (ImagesReady returns it again) and the first one is
// returned, at the place of the path in the input as CheckImages reports it.
func LoadImages(doc *Document) error {
	var first error
	for _, im := range neededImages(doc) {
		if _, ok := doc.Images[im.file]; ok {
			continue
		}
		if err, ok := doc.imageErrs[im.file]; ok {
			if first == nil {
				first = err
			}
			continue
		}
		data, err := checkImage(doc, im.path, im.file, im.what)
		if err != nil {
			if doc.imageErrs == nil {
				doc.imageErrs = map[string]error{}
			}
			doc.imageErrs[im.file] = err
			if first == nil {
				first = err
			}
			continue
		}
		if doc.Images == nil {
			doc.Images = map[string][]byte{}
		}
		doc.Images[im.file] = data
	}
	return first
}

// ImagesReady reports whether every image the sign-off prints is in doc.Images: it returns
// the problem LoadImages met with the first that is not, or, when LoadImages was not called
// for it, an error saying so, at the place of the path in the input.
func ImagesReady(doc *Document) error {
	for _, im := range neededImages(doc) {
		if _, ok := doc.Images[im.file]; ok {
			continue
		}
		if err, ok := doc.imageErrs[im.file]; ok {
			return err
		}
		e := &Error{File: doc.Source.file(), Err: ErrBadImage,
			Msg: fmt.Sprintf("%s图片“%s”尚未读入 (image not loaded: call document.LoadImages)", im.what, im.file)}
		if p, ok := doc.Source.Locate(im.path, 0); ok {
			e.Line, e.Col = p.Line, p.Col
		}
		return e
	}
	return nil
}
