package document

// ImportDocx parses a .docx 公文.
func ImportDocx(file string, data []byte) (*Document, error) {
	return nil, &Error{File: file, Msg: "Word 文档导入尚未实现"}
}
