//go:build windows

package printing

import (
	"errors"
	"fmt"
	"image"
	"runtime"
	"syscall"
	"unsafe"
)

// SystemDialog is true where Print shows the system's print dialog itself (Windows): the
// app then offers no dialog of its own.
const SystemDialog = true

var (
	comdlg32 = syscall.NewLazyDLL("comdlg32.dll")
	gdi32    = syscall.NewLazyDLL("gdi32.dll")
	kernel32 = syscall.NewLazyDLL("kernel32.dll")
	user32   = syscall.NewLazyDLL("user32.dll")

	procPrintDlgW          = comdlg32.NewProc("PrintDlgW")
	procCommDlgExtendedErr = comdlg32.NewProc("CommDlgExtendedError")
	procStartDocW          = gdi32.NewProc("StartDocW")
	procEndDoc             = gdi32.NewProc("EndDoc")
	procAbortDoc           = gdi32.NewProc("AbortDoc")
	procStartPage          = gdi32.NewProc("StartPage")
	procEndPage            = gdi32.NewProc("EndPage")
	procDeleteDC           = gdi32.NewProc("DeleteDC")
	procGetDeviceCaps      = gdi32.NewProc("GetDeviceCaps")
	procStretchDIBits      = gdi32.NewProc("StretchDIBits")
	procResetDCW           = gdi32.NewProc("ResetDCW")
	procGlobalLock         = kernel32.NewProc("GlobalLock")
	procGlobalUnlock       = kernel32.NewProc("GlobalUnlock")
	procGlobalFree         = kernel32.NewProc("GlobalFree")
	procGetActiveWindow    = user32.NewProc("GetActiveWindow")
)

// printDlg is PRINTDLGW with the natural alignment of 64-bit Windows (commdlg.h packs it
// to 1 byte on 32-bit Windows only).
type printDlg struct {
	StructSize          uint32
	Owner               uintptr
	DevMode             uintptr
	DevNames            uintptr
	DC                  uintptr
	Flags               uint32
	FromPage, ToPage    uint16
	MinPage, MaxPage    uint16
	Copies              uint16
	Instance            uintptr
	CustData            uintptr
	PrintHook           uintptr
	SetupHook           uintptr
	PrintTemplateName   uintptr
	SetupTemplateName   uintptr
	PrintTemplate       uintptr
	SetupTemplateHandle uintptr
}

type docInfo struct {
	Size     int32
	DocName  *uint16
	Output   *uint16
	Datatype *uint16
	Type     uint32
}

type bitmapInfoHeader struct {
	Size          uint32
	Width, Height int32
	Planes        uint16
	BitCount      uint16
	Compression   uint32
	SizeImage     uint32
	XPelsPerMeter int32
	YPelsPerMeter int32
	ClrUsed       uint32
	ClrImportant  uint32
}

const (
	pdReturnDC            = 0x100
	pdPageNums            = 0x2
	pdNoSelection         = 0x4
	pdUseDevModeCopies    = 0x40000
	pdNoCurrentPage       = 0x800000
	logPixelsX            = 88
	logPixelsY            = 90
	physicalOffsetX       = 112
	physicalOffsetY       = 113
	dibRGBColors          = 0
	srcCopy               = 0x00CC0020
	dmDuplex              = 0x1000
	dmPaperSize           = 0x2
	dmDupVertical         = 2 // long edge
	dmPaperA4             = 9
	devModeFieldsOffset   = 72
	devModePaperOffset    = 78
	devModeDuplexOffset   = 94
	maxRenderDPI          = 300
	a4WidthMm, a4HeightMm = 210.0, 297.0
)

// ErrCanceled is returned when the user closes the print dialog without printing.
var ErrCanceled = errors.New("已取消打印（printing canceled）")

// Printers has nothing to list on Windows: the system print dialog chooses the printer.
func Printers() ([]string, string, error) { return nil, "", nil }

// Print shows the system print dialog, filled in with the job's copies, page range and
// two-sided setting, and prints the chosen pages through the printer driver from Gongwen's
// own rendering at the printer's resolution (at most 300 dpi, scaled by the driver).
func Print(j Job) (string, error) {
	if j.Render == nil || j.Pages == 0 {
		return "", fmt.Errorf("没有可打印的内容（nothing to print）")
	}
	// the dialog and the device context belong to one OS thread
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	owner, _, _ := procGetActiveWindow.Call()
	pd := printDlg{Owner: owner, Flags: pdReturnDC | pdNoSelection | pdNoCurrentPage | pdUseDevModeCopies,
		MinPage: 1, MaxPage: uint16(j.Pages), FromPage: 1, ToPage: uint16(j.Pages), Copies: uint16(j.copies())}
	pd.StructSize = uint32(unsafe.Sizeof(pd))
	if len(j.Ranges) > 0 {
		pd.Flags |= pdPageNums
		pd.FromPage, pd.ToPage = uint16(j.Ranges[0].From), uint16(j.Ranges[len(j.Ranges)-1].To)
	}
	if r, _, _ := procPrintDlgW.Call(uintptr(unsafe.Pointer(&pd))); r == 0 {
		if code, _, _ := procCommDlgExtendedErr.Call(); code != 0 {
			return "", fmt.Errorf("打印对话框出错（PrintDlg error 0x%x）", code)
		}
		return "", ErrCanceled
	}
	defer procDeleteDC.Call(pd.DC)
	if pd.DevNames != 0 {
		defer procGlobalFree.Call(pd.DevNames)
	}
	if pd.DevMode != 0 {
		defer procGlobalFree.Call(pd.DevMode)
		if p, _, _ := procGlobalLock.Call(pd.DevMode); p != 0 {
			// the locked DEVMODEW lives outside Go's heap: read the address as a pointer
			dm := *(*unsafe.Pointer)(unsafe.Pointer(&p))
			fields := (*uint32)(unsafe.Add(dm, devModeFieldsOffset))
			*fields |= dmPaperSize
			*(*int16)(unsafe.Add(dm, devModePaperOffset)) = dmPaperA4
			if j.TwoSided {
				*fields |= dmDuplex
				*(*int16)(unsafe.Add(dm, devModeDuplexOffset)) = dmDupVertical
			}
			procResetDCW.Call(pd.DC, p)
			procGlobalUnlock.Call(pd.DevMode)
		}
	}
	if pd.Flags&pdPageNums != 0 {
		j.Ranges = []Range{{int(pd.FromPage), int(pd.ToPage)}}
	} else {
		j.Ranges = nil
	}
	copies := 1
	if pd.Copies > 1 {
		copies = int(pd.Copies) // the driver cannot make copies itself
	}
	return "", j.printDC(pd.DC, copies)
}

func (j *Job) printDC(dc uintptr, copies int) error {
	caps := func(i uintptr) int32 { v, _, _ := procGetDeviceCaps.Call(dc, i); return int32(v) }
	dpiX, dpiY := float64(caps(logPixelsX)), float64(caps(logPixelsY))
	offX, offY := caps(physicalOffsetX), caps(physicalOffsetY)
	if dpiX <= 0 || dpiY <= 0 {
		return fmt.Errorf("打印机没有报告分辨率（the printer reports no resolution）")
	}
	name, _ := syscall.UTF16PtrFromString(j.Title)
	di := docInfo{DocName: name}
	di.Size = int32(unsafe.Sizeof(di))
	if r, _, err := procStartDocW.Call(dc, uintptr(unsafe.Pointer(&di))); int32(r) <= 0 {
		return fmt.Errorf("打印机拒绝了作业（StartDoc）：%v", err)
	}
	render := dpiX
	if render > maxRenderDPI {
		render = maxRenderDPI
	}
	// the page's size on the device, whatever resolution it was painted at
	devW, devH := int32(a4WidthMm/25.4*dpiX+0.5), int32(a4HeightMm/25.4*dpiY+0.5)
	for c := 0; c < copies; c++ {
		for _, i := range j.PageList() {
			img, err := j.Render(i, render)
			if err != nil {
				procAbortDoc.Call(dc)
				return err
			}
			if r, _, _ := procStartPage.Call(dc); int32(r) <= 0 {
				procAbortDoc.Call(dc)
				return fmt.Errorf("打印第 %d 页失败（StartPage）", i+1)
			}
			bits, hdr := dib(img)
			procStretchDIBits.Call(dc, uintptr(-offX), uintptr(-offY), uintptr(devW), uintptr(devH),
				0, 0, uintptr(hdr.Width), uintptr(-hdr.Height),
				uintptr(unsafe.Pointer(&bits[0])), uintptr(unsafe.Pointer(hdr)), dibRGBColors, srcCopy)
			runtime.KeepAlive(bits)
			if r, _, _ := procEndPage.Call(dc); int32(r) <= 0 {
				procAbortDoc.Call(dc)
				return fmt.Errorf("打印第 %d 页失败（EndPage）", i+1)
			}
		}
	}
	if r, _, _ := procEndDoc.Call(dc); int32(r) <= 0 {
		return fmt.Errorf("打印机没有完成作业（EndDoc）")
	}
	return nil
}

// dib converts an image to a top-down 32-bit BGRX device-independent bitmap.
func dib(img image.Image) ([]byte, *bitmapInfoHeader) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	bits := make([]byte, w*h*4)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			r, g, bl, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
			o := (y*w + x) * 4
			bits[o], bits[o+1], bits[o+2] = byte(bl>>8), byte(g>>8), byte(r>>8)
		}
	}
	return bits, &bitmapInfoHeader{Size: 40, Width: int32(w), Height: -int32(h), Planes: 1, BitCount: 32}
}
