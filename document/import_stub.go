package document

// Temporary stand-ins until the importers land.

// ImportText parses a plain-text 公文.
func ImportText(file string, data []byte) (*Document, error) {
	return nil, &Error{File: file, Msg: "纯文本导入尚未实现"}
}

// ImportDocx parses a .docx 公文.
func ImportDocx(file string, data []byte) (*Document, error) {
	return nil, &Error{File: file, Msg: "Word 文档导入尚未实现"}
}
