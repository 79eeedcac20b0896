package templates

import (
	"fmt"
	"strings"

	"gongwen/internal/safeio"
)

// Source returns the template's YAML text as loaded.
func (g *Genre) Source() ([]byte, error) {
	if name, ok := strings.CutPrefix(g.File, "builtin:"); ok {
		return builtinFS.ReadFile("builtin/" + name)
	}
	data, err := safeio.ReadFile(g.File, MaxTemplateSize)
	if err != nil {
		return nil, fmt.Errorf("read template %s: %w", g.ID, err)
	}
	return data, nil
}

// Skeleton returns a commented starting template with the given id. The values marked
// 【必填】 are left empty: the template loads cleanly once the maintainer fills them.
func Skeleton(id string) ([]byte, error) {
	if !idPattern.MatchString(id) {
		return nil, fmt.Errorf("id %q 无效：只用小写拼音字母、数字和连字符，如 qingshi、tongzhi-yinfa", id)
	}
	return []byte(strings.ReplaceAll(skeleton, "{{ID}}", id)), nil
}

const skeleton = `# 文种模板（genre template）。每个键的含义见 templates/README.md。
# 填好标有【必填】的值后，运行 gwcli templates lint <本文件所在目录> 检查；
# 放进用户模板目录（gwcli templates --help 显示其位置）即可在程序中使用，
# id 与内置模板相同时替换内置模板。
schema_version: 1
id: {{ID}}
name: ""          # 【必填】文种，如 请示、通知（条例 第八条的 15 种之一，或 整改方案 等）
order: 500        # 列表中的排序，小的在前
use: ""           # 【必填】一句话说明用途，如 向上级机关请求指示、批准
direction: ""     # 【必填】up（上行文）、down（下行文）或 parallel（平行文）
format: file      # file（文件格式）、letter（信函格式）、order（命令格式）、minutes（纪要格式）
# 用到的要素（草稿文件的键），以及其中必须填写的要素：
elements: [issuers, mark_suffix, number, title, recipients, body, attachment_notes, attachments, sign_off, date, note, cc, printer, print_date]
required: [issuers, number, title, recipients, body, date]
# 表单字段：path 是要素，kind 是 line / paragraph / list / date / choice / items，
# group 是 版头 / 主体 / 版记；help 写明规则及其条款。
fields:
  - path: issuers
    label: 发文机关
    kind: list
    group: 版头
    help: 发文机关全称或规范化简称，一行一个；联合行文时主办机关在前（GB/T 9704-2012 7.2.4）。
    example: 江城市人民政府
  - path: number
    label: 发文字号
    kind: line
    group: 版头
    help: 机关代字＋〔年份〕＋序号＋号，序号不编虚位、不加“第”（GB/T 9704-2012 7.2.5）。
    example: 江政〔2024〕5号
  - path: title
    label: 标题
    kind: line
    group: 主体
    help: 发文机关＋事由＋文种（条例 第九条（七））；末尾不加标点（GB/T 9704-2012 7.3.1）。
    example: 江城市人民政府关于……的通知
  - path: recipients
    label: 主送机关
    kind: line
    group: 主体
    help: 最后一个机关名称后加全角冒号（GB/T 9704-2012 7.3.2）。
    example: 各县（区）人民政府，市政府各部门：
  - path: body
    label: 正文
    kind: paragraph
    group: 主体
    help: 每行一段；层次序数依次为“一、”“（一）”“1.”“（1）”（GB/T 9704-2012 7.3.3）。
    example: 一、总体要求
  - path: date
    label: 成文日期
    kind: date
    group: 主体
    help: 阿拉伯数字，年份标全称，月、日不编虚位：2024年1月5日（GB/T 9704-2012 7.3.5.4）。
    example: 2024年1月5日
  - path: printer
    label: 印发机关
    kind: line
    group: 版记
    help: 一般是发文机关的办公厅（室）（GB/T 9704-2012 7.4.3）。
    example: 江城市人民政府办公室
  - path: print_date
    label: 印发日期
    kind: date
    group: 版记
    help: 阿拉伯数字，“印发”二字由排版加上（GB/T 9704-2012 7.4.3）。
    example: 2024年1月5日
# 新建公文时的默认值（键是要素）：
defaults:
  mark_suffix: 文件
  sign_off: seal
# 结束语（作为正文最后一段提供），没有就删去：
closing: ""
# 正文的常见结构，用【请填写……】写提示，写作者替换：
scaffold:
  - 【请填写发文的缘由和依据】
  - 一、【请填写第一项事项】
# 启用的检查规则及参数（规则 id 见 templates/README.md），如：
#   qingshi-closing: {}
#   report-closing: {params: {closings: [特此报告]}}
rules: {}
# 完整的示例草稿（草稿文件格式）；它必须通过检查、能够排版。写好后去掉下面的 # 号：
# example: |
#   version: 1
#   genre: {{ID}}
#   title: 江城市人民政府关于……的通知
meta:
  clauses: [条例 第八条]   # 依据的条款
  sources: [GB/T 9704-2012《党政机关公文格式》]
`
