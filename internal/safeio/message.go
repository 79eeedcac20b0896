package safeio

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"syscall"
)

// WriteMessage says in one Chinese line (with an English gloss) why a file cannot be written
// in folder dir: no permission, a read-only disk, a missing folder, a full disk, or err itself.
func WriteMessage(dir string, err error) string {
	if abs, aerr := filepath.Abs(dir); aerr == nil && (dir == "." || dir == "") {
		dir = abs // "the folder “.”" tells a user nothing
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("没有写入权限，无法在文件夹“%s”中保存（请换一个输出位置，例如 -o 到你的文档文件夹）(permission denied)", dir)
	case errors.Is(err, syscall.EROFS):
		return fmt.Sprintf("文件夹“%s”在只读的磁盘上，无法保存（请换一个输出位置）(read-only file system)", dir)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("输出文件夹“%s”不存在 (folder does not exist)", dir)
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Sprintf("文件夹“%s”所在的磁盘已满，无法保存（请清理磁盘或换一个输出位置）(no space left on device)", dir)
	}
	return "写入失败：" + err.Error() + " (write failed)"
}
