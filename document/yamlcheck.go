package document

import (
	"fmt"

	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/token"
)

// Bounds of the YAML that drafts and templates may use. go-yaml's parser has no limits of its
// own and its time grows with the square of the nesting depth and of the number of documents
// (an 80 KB file of brackets takes half a minute and gigabytes), and its decoder expands
// aliases: so the token stream is checked first, by go-yaml's own lexer (linear time), with
// the nesting the parser will see, not a guess from the bytes.
const (
	// MaxDraftDepth is the deepest nesting accepted: of flow collections ([ and {), and of
	// block collections (measured by the column of their indicators, which grows by at least
	// one per level). A real draft nests four or five levels.
	MaxDraftDepth = 100
	// MaxYAMLDocuments is the most "---" documents a file may hold (a draft and a template are
	// one document).
	MaxYAMLDocuments = 4
	// MaxYAMLAliases is the most aliases (*name) a file may use.
	MaxYAMLAliases = 16
)

// YAMLLimitError is a place where YAML text goes past one of the bounds above.
type YAMLLimitError struct {
	Line, Col int
	// Msg says which bound, in Chinese; EN in English.
	Msg, EN string
}

func (e *YAMLLimitError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// CheckYAMLLimits tokenizes YAML text with go-yaml's lexer and returns the first place where
// it nests deeper than MaxDraftDepth, holds more than MaxYAMLDocuments documents or uses more
// than MaxYAMLAliases aliases; nil when within bounds (syntax errors are the parser's to say).
func CheckYAMLLimits(text string) *YAMLLimitError {
	return CheckYAMLTokens(lexer.Tokenize(text))
}

// CheckYAMLTokens is CheckYAMLLimits on the tokens of go-yaml's lexer, so that a reader
// checks and then parses (parser.Parse) one tokenization instead of two.
func CheckYAMLTokens(toks token.Tokens) *YAMLLimitError {
	depth, docs, aliases := 0, 0, 0
	var prev *token.Token
	at := func(tk *token.Token, msg string) *YAMLLimitError {
		e := &YAMLLimitError{Line: 1, Col: 1, Msg: msg, EN: "nested too deep"}
		switch tk.Type {
		case token.DocumentHeaderType:
			e.EN = "too many documents"
		case token.AliasType:
			e.EN = "too many aliases"
		}
		if tk != nil && tk.Position != nil {
			e.Line, e.Col = tk.Position.Line, tk.Position.Column
		}
		return e
	}
	for _, tk := range toks {
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			depth++
			if depth > MaxDraftDepth {
				return at(tk, fmt.Sprintf("嵌套层次过深（超过 %d 层）", MaxDraftDepth))
			}
		case token.SequenceEndType, token.MappingEndType:
			if depth > 0 {
				depth--
			}
		case token.SequenceEntryType, token.MappingKeyType:
			if depth == 0 && tk.Position != nil && tk.Position.Column > 2*MaxDraftDepth {
				return at(tk, fmt.Sprintf("嵌套层次过深（超过 %d 层）", MaxDraftDepth))
			}
		case token.MappingValueType:
			// the key before the colon starts where the mapping is nested
			if depth == 0 && prev != nil && prev.Position != nil && prev.Position.Column > 2*MaxDraftDepth {
				return at(prev, fmt.Sprintf("嵌套层次过深（超过 %d 层）", MaxDraftDepth))
			}
		case token.DocumentHeaderType:
			docs++
			if docs > MaxYAMLDocuments {
				return at(tk, fmt.Sprintf("文件中的“---”文档过多（超过 %d 个），草稿和模板只能有一个文档", MaxYAMLDocuments))
			}
		case token.AliasType:
			aliases++
			if aliases > MaxYAMLAliases {
				return at(tk, fmt.Sprintf("别名（*名称）过多（超过 %d 个）", MaxYAMLAliases))
			}
		}
		prev = tk
	}
	return nil
}
