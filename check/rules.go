package check

// The clauses rules cite.
const (
	c9704   = "GB/T 9704-2012 "
	c15834  = "GB/T 15834-2011"
	c15835  = "GB/T 15835-2011"
	cPract  = "实务"
	tiaoli  = "条例 "
	clNum   = c9704 + "7.2.5"
	clDate  = c9704 + "7.3.5.4"
	clRecip = c9704 + "7.3.2"
	clBody  = c9704 + "7.3.3"
	clAttN  = c9704 + "7.3.4"
	clAtt   = c9704 + "7.3.7"
)

// Genre names used by genre rules.
var (
	gQingshi = []string{"请示"}
	gBaogao  = []string{"报告"}
	gPifu    = []string{"批复"}
	gHan     = []string{"函"}
	gNoRecip = []string{"公告", "通告", "决议", "公报"}
)

// placeholderKinds are the elements searched for unfilled placeholders.
var placeholderKinds = []string{"title", "recipients", "body", "attachment_notes", "note", "attachment_title", "attachment_body", "cc", "printer", "number", "date", "table"}

// impls holds the check functions of rules whose kind needs code beyond the registry's data,
// by rule id; filled by the init functions of the rules_*.go files.
var impls = map[string]func(c *ctx, r *rule){}

// registry is every rule, in documentation order.
var registry = []*rule{
	// 发文字号 (7.2.5)
	{ID: "number-brackets", Clause: clNum, Severity: SeverityError, Kind: KindPattern,
		Summary: "发文字号的年份用六角括号〔〕，不用 [] 【】 () （） ［］"},
	{ID: "number-di", Clause: clNum, Severity: SeverityError, Kind: KindPattern,
		Summary: "发文字号的序号不加“第”字"},
	{ID: "number-leading-zero", Clause: clNum, Severity: SeverityError, Kind: KindPattern,
		Summary: "发文字号的序号不编虚位（不加前导零）"},
	{ID: "number-year", Clause: clNum, Severity: SeverityError, Kind: KindPattern,
		Summary: "发文字号的年份应标全称（四位数字）"},
	{ID: "number-format", Clause: clNum, Severity: SeverityError, Kind: KindPattern,
		Summary: "发文字号由机关代字、年份、序号组成，以“号”结尾"},
	{ID: "citation-number-brackets", Clause: clNum, Severity: SeverityWarning, Kind: KindPattern,
		Summary: "正文中引用的发文字号同样用〔〕、不加“第”、不编虚位"},
	{ID: "citation-order", Clause: cPract, Severity: SeverityWarning, Kind: KindPattern,
		Where: []string{"body", "attachment_body"}, Quick: "《", Pattern: `〔[0-9]{4}〕[0-9]+号[、，]?《[^》]{2,}》`,
		Message: "引用公文应先引标题，后引发文字号：《标题》（发文字号），“{text}”次序颠倒",
		Summary: "引用公文先引标题，后引发文字号（发文字号加圆括号）"},

	// 成文日期 and other dates (7.3.5.4, 7.4.3, GB/T 15835)
	{ID: "date-chinese-numerals", Clause: clDate, Severity: SeverityError, Kind: KindPattern,
		Summary: "成文日期用阿拉伯数字（2012 年标准改变了 1999 年标准的汉字日期）"},
	{ID: "date-leading-zero", Clause: clDate, Severity: SeverityError, Kind: KindPattern,
		Summary: "成文日期的月、日不编虚位（不加前导零）"},
	{ID: "date-format", Clause: clDate, Severity: SeverityError, Kind: KindPattern,
		Summary: "成文日期写作“2024年1月5日”，不用 2024-01-05、2024/1/5、2024.1.5"},
	{ID: "date-incomplete", Clause: clDate, Severity: SeverityError, Kind: KindPattern,
		Summary: "成文日期年、月、日俱全，年份标全称"},
	{ID: "date-invalid", Clause: clDate, Severity: SeverityError, Kind: KindPattern,
		Summary: "成文日期必须是存在的日期"},
	{ID: "date-missing", Clause: tiaoli + "第九条（十二）", Severity: SeverityError, Kind: KindPresence,
		Summary: "公文应有成文日期"},
	{ID: "print-date-format", Clause: c9704 + "7.4.3", Severity: SeverityError, Kind: KindPattern,
		Summary: "印发日期用阿拉伯数字，年份标全称，月、日不编虚位"},
	{ID: "text-date-format", Clause: c15835, Severity: SeverityWarning, Kind: KindPattern,
		Summary: "正文中的公历日期用阿拉伯数字，月、日不加前导零"},

	// 主送机关 (7.3.2) and the rules of sending (条例)
	{ID: "recipients-colon", Clause: clRecip, Severity: SeverityError, Kind: KindPattern,
		Summary: "主送机关最后一个名称后标全角冒号“：”"},
	{ID: "recipients-missing", Clause: clRecip, Severity: SeverityWarning, Kind: KindPresence,
		Summary: "公文一般应有主送机关（公告、通告、决议、公报除外）"},
	{ID: "recipients-forbidden", Clause: tiaoli + "第八条 / " + cPract, Severity: SeverityWarning, Kind: KindPresence,
		Genres: gNoRecip, Summary: "公告、通告、决议、公报不写主送机关"},
	{ID: "up-one-recipient", Clause: tiaoli + "第十五条（一）", Severity: SeverityError, Kind: KindCount, Up: true,
		Summary: "上行文原则上只主送一个上级机关"},
	{ID: "up-no-lower-cc", Clause: tiaoli + "第十五条（一）", Severity: SeverityError, Kind: KindPhrase, Up: true,
		Phrases: "lower", Mode: "forbidden", Where: []string{"cc"},
		Message: "上行文不得抄送下级机关（“{text}”）；需要下级机关知晓的，另行下发",
		Params:  map[string]any{"lower": []string{"各县", "各区", "各乡", "各镇", "各街道", "各市（州）", "各地市", "各市县", "下属", "所属各", "下级", "各基层"}},
		Summary: "上行文不得抄送下级机关"},
	{ID: "up-signers-required", Clause: c9704 + "7.2.6 / " + tiaoli + "第九条（六）", Severity: SeverityError, Kind: KindPresence, Up: true,
		Summary: "上行文应标注签发人"},
	{ID: "up-not-to-leader", Clause: tiaoli + "第十五条（五）", Severity: SeverityError, Kind: KindPhrase, Up: true,
		Params:  map[string]any{"titles": []string{"同志", "书记", "省长", "市长", "县长", "区长", "主任", "部长", "厅长", "局长", "主席", "总理", "领导"}},
		Summary: "上行文不以本机关名义向上级机关负责人个人报送"},
	{ID: "signers-format", Clause: c9704 + "7.2.6", Severity: SeverityWarning, Kind: KindPattern,
		Summary: "签发人只写姓名，不带“签发人：”标签或标点"},

	// 标题 (7.3.1, 条例 第九条（七）)
	{ID: "title-missing", Clause: tiaoli + "第九条（七）", Severity: SeverityError, Kind: KindPresence,
		Summary: "公文应有标题"},
	{ID: "title-end-punct", Clause: c9704 + "7.3.1 / " + cPract, Severity: SeverityError, Kind: KindPattern,
		Summary: "标题末尾不加标点"},
	{ID: "title-punct", Clause: c9704 + "7.3.1 / " + cPract, Severity: SeverityWarning, Kind: KindPattern,
		Summary: "标题中除书名号、引号、顿号、括号外一般不用标点"},
	{ID: "title-genre", Clause: tiaoli + "第九条（七）", Severity: SeverityWarning, Kind: KindPattern,
		Summary: "标题以文种结尾（发文机关＋事由＋文种）"},
	{ID: "title-mixed-genre", Clause: tiaoli + "第八条", Severity: SeverityError, Kind: KindPhrase,
		Phrases: "words", Mode: "suffix", Where: []string{"title"},
		Message: "“{text}”是生造或混用的文种，请根据内容改用“请示”（请求批准）或“报告”（汇报工作）",
		Params:  map[string]any{"words": []string{"请示报告", "报告请示", "申请报告", "汇报", "请示函", "意见报告", "请求报告", "总结报告"}},
		Summary: "标题不用生造或混用的文种（请示报告、申请报告、汇报等）"},
	{ID: "title-composition", Clause: tiaoli + "第九条（七）", Severity: SeverityInfo, Kind: KindPattern,
		Summary: "标题由发文机关、事由（关于……的）和文种组成"},
	{ID: "title-repeated-guanyu", Clause: cPract, Severity: SeverityInfo, Kind: KindPattern,
		Summary: "标题中“关于”一般只用一次（转发类标题可省去中间的“关于”）"},

	// 正文 structure (7.3.3)
	{ID: "heading-order", Clause: clBody, Severity: SeverityWarning, Kind: KindSequence,
		Summary: "结构层次序数依次为“一、”“（一）”“1.”“（1）”，不越级使用"},
	{ID: "heading-sequence", Clause: clBody, Severity: SeverityWarning, Kind: KindSequence,
		Summary: "同级序数连续编号，不跳号、不重号"},
	{ID: "heading-paren-dunhao", Clause: clBody, Severity: SeverityError, Kind: KindPattern,
		Where: []string{"body", "attachment_body"}, Quick: "、", Group: 4, HasFix: true,
		Pattern: `^[ \x{3000}]*([（(])([一二三四五六七八九十]{1,3}|[0-9]{1,2})([）)])(、)`,
		Message: "“（一）”“（1）”类序数后不加顿号，应删去“、”",
		Summary: "“（一）”“（1）”后不加顿号"},
	{ID: "heading-arabic-dunhao", Clause: clBody, Severity: SeverityError, Kind: KindPattern,
		Summary: "第三层序数写作“1.”（半角圆点），不写“1、”"},
	{ID: "heading-hanzi-dot", Clause: clBody, Severity: SeverityError, Kind: KindPattern,
		Summary: "第一层序数写作“一、”（顿号），不写“一.”“一，”"},
	{ID: "heading-halfwidth-paren", Clause: clBody, Severity: SeverityWarning, Kind: KindPattern,
		Summary: "序数“（一）”“（1）”用全角括号"},
	{ID: "heading-arabic-dot-form", Clause: clBody, Severity: SeverityWarning, Kind: KindPattern,
		Summary: "第三层序数“1.”用半角圆点，不用全角“．”或句号"},

	// 标点 (GB/T 15834)
	{ID: "halfwidth-comma", Clause: c15834, Severity: SeverityError, Kind: KindPattern,
		Summary: "中文文本用全角逗号“，”"},
	{ID: "halfwidth-period", Clause: c15834, Severity: SeverityError, Kind: KindPattern,
		Summary: "中文句末用全角句号“。”"},
	{ID: "halfwidth-colon", Clause: c15834, Severity: SeverityError, Kind: KindPattern,
		Summary: "中文文本用全角冒号“：”"},
	{ID: "halfwidth-semicolon", Clause: c15834, Severity: SeverityError, Kind: KindPattern,
		Summary: "中文文本用全角分号“；”"},
	{ID: "halfwidth-question", Clause: c15834, Severity: SeverityError, Kind: KindPattern,
		Summary: "中文文本用全角问号“？”和叹号“！”"},
	{ID: "halfwidth-parens", Clause: c15834, Severity: SeverityError, Kind: KindPattern,
		Summary: "中文文本用全角圆括号“（）”"},
	{ID: "halfwidth-quotes", Clause: c15834, Severity: SeverityError, Kind: KindPattern,
		Summary: "中文文本用弯引号“”‘’，不用直引号 \" '"},
	{ID: "ellipsis", Clause: c15834, Severity: SeverityError, Kind: KindPattern,
		Summary: "省略号写作六个点“……”，不用 ... 、。。。 或单个…"},
	{ID: "range-hyphen", Clause: c15834, Severity: SeverityWarning, Kind: KindPattern,
		Summary: "表示数值范围用“—”“～”或“至”，不用连字符“-”"},
	{ID: "dash-form", Clause: c15834, Severity: SeverityWarning, Kind: KindPattern,
		Summary: "破折号写作“——”（两个一字线），不用 -- 或三个一字线（单个“—”是连接号，可用）"},
	{ID: "brackets-balanced", Clause: c15834, Severity: SeverityError, Kind: KindSequence,
		Summary: "括号、书名号、引号成对使用"},
	{ID: "brackets-mixed", Clause: c15834, Severity: SeverityError, Kind: KindSequence,
		Summary: "一对括号用同一种形式，不用（……) 或 (……）"},
	{ID: "repeated-punct", Clause: c15834, Severity: SeverityWarning, Kind: KindPattern,
		Summary: "标点不重复使用（，， 。。 ：：）"},
	{ID: "space-in-text", Clause: c15834 + " / " + cPract, Severity: SeverityInfo, Kind: KindPattern,
		Summary: "汉字之间不留空格"},
	{ID: "fullwidth-digits", Clause: c15835, Severity: SeverityWarning, Kind: KindPattern,
		Summary: "阿拉伯数字用半角形式，不用全角数字０１２"},
	{ID: "dunhao-between-quotes", Clause: c15834, Severity: SeverityInfo, Kind: KindPattern,
		Summary: "并列的引号、书名号之间一般不用顿号"},

	// 附件说明 and 附件 (7.3.4, 7.3.7)
	{ID: "attachment-notes-punct", Clause: clAttN, Severity: SeverityError, Kind: KindPattern,
		Summary: "附件名称后不加标点符号"},
	{ID: "attachment-notes-numbering", Clause: clAttN, Severity: SeverityError, Kind: KindSequence,
		Summary: "多个附件用“1.”“2.”顺序编号，不用“1、”；单个附件不编号"},
	{ID: "attachment-notes-book-marks", Clause: clAttN + " / " + cPract, Severity: SeverityWarning, Kind: KindPattern,
		Summary: "附件名称不加书名号"},
	{ID: "attachment-label", Clause: clAttN, Severity: SeverityError, Kind: KindPattern,
		Summary: "附件说明写作“附件：名称”，不写“附：”或半角冒号"},
	{ID: "attachment-title-mismatch", Clause: clAtt, Severity: SeverityError, Kind: KindCrossRef,
		Summary: "附件标题与附件说明中的名称一致"},
	{ID: "attachment-count", Clause: clAtt, Severity: SeverityWarning, Kind: KindCrossRef,
		Summary: "附件说明的件数与所附附件一致"},
	{ID: "attachment-cited", Clause: clAttN, Severity: SeverityError, Kind: KindCrossRef,
		Summary: "正文引用的“附件N”须在附件说明中列出"},
	{ID: "attachment-header-colon", Clause: clAtt, Severity: SeverityWarning, Kind: KindPattern,
		Summary: "附件页左上角的“附件”及序号后不加冒号"},

	// 署名, 附注, 版头 elements and the 版记
	{ID: "issuer-missing", Clause: c9704 + "7.3.5", Severity: SeverityWarning, Kind: KindPresence,
		Summary: "有署名的落款方式应写发文机关署名"},
	{ID: "note-brackets", Clause: c9704 + "7.3.6", Severity: SeverityError, Kind: KindPattern,
		Summary: "附注居左空二字加圆括号标注"},
	{ID: "cc-final-stop", Clause: c9704 + "7.4.2", Severity: SeverityError, Kind: KindPattern,
		Summary: "抄送机关最后一个名称后标句号"},
	{ID: "cc-label", Clause: c9704 + "7.4.2", Severity: SeverityWarning, Kind: KindPattern,
		Summary: "抄送机关名称之间用逗号或顿号，不重复“抄送：”标签"},
	{ID: "copy-number-digits", Clause: c9704 + "7.2.1", Severity: SeverityError, Kind: KindPattern,
		Summary: "份号用 6 位阿拉伯数字"},
	{ID: "copy-number-required", Clause: tiaoli + "第九条（一）", Severity: SeverityError, Kind: KindPresence,
		Summary: "涉密公文应标注份号"},
	{ID: "classification-value", Clause: c9704 + "7.2.2", Severity: SeverityError, Kind: KindPattern,
		Summary: "密级为“绝密”“机密”“秘密”之一，保密期限用阿拉伯数字"},
	{ID: "urgency-value", Clause: c9704 + "7.2.3", Severity: SeverityError, Kind: KindPattern,
		Summary: "紧急程度为“特急”或“加急”"},
	{ID: "order-number-format", Clause: c9704 + "10.2", Severity: SeverityWarning, Kind: KindPattern,
		Summary: "令号写作“第5号”（阿拉伯数字，不编虚位）"},
	{ID: "signoff-forbidden", Clause: tiaoli + "第九条 / " + c9704 + "7.3.5", Severity: SeverityWarning, Kind: KindPresence,
		Genres:  []string{"决议", "公报"},
		Summary: "决议、公报不署名、不标成文日期，通过或发布的日期写在标题下的题注中"},
	{ID: "internal-unit-issuer", Clause: tiaoli + "第十七条", Severity: SeverityInfo, Kind: KindPresence,
		Summary: "部门内设机构（处、科、司、股）除办公厅（室）外不对外正式行文"},
	{ID: "print-info", Clause: c9704 + "7.4.3", Severity: SeverityWarning, Kind: KindPresence,
		Summary: "印发机关和印发日期同时标注"},

	// placeholders and repetition (实务)
	{ID: "placeholder-x", Clause: cPract, Severity: SeverityError, Kind: KindPattern,
		Summary: "占位符 XX、××、○○ 未替换为实际内容"},
	{ID: "placeholder-stars", Clause: cPract, Severity: SeverityError, Kind: KindPattern,
		Where: placeholderKinds, Quick: "**|＊＊", Pattern: `\*{2,}|＊{2,}`,
		Message: "“{text}”是未填写的占位符，请替换为实际内容",
		Summary: "占位符 *** 未替换为实际内容"},
	{ID: "placeholder-date", Clause: cPract, Severity: SeverityError, Kind: KindPattern,
		Summary: "日期“年月日”未填写数字"},
	{ID: "placeholder-count", Clause: cPract, Severity: SeverityError, Kind: KindPattern,
		Where: []string{"body", "attachment_body", "note", "table"}, Quick: "人|共|计",
		Pattern: `由[ \x{3000}_]*人组成|(?:共|计|合计)[ \x{3000}_]+(?:人|名|项|元|万元|个|家|次|份|件)|(?:^|[，。；：、])(?:共|计)(?:人|名|项|个)[，。；、]`,
		Message: "“{text}”缺少数字，请填写数量",
		Summary: "数量未填写（由人组成、共项、计元）"},
	{ID: "placeholder-prompt", Clause: cPract, Severity: SeverityError, Kind: KindPattern,
		Summary: "模板提示文字（请填写、此处输入、【……】）未替换"},
	{ID: "repeated-paragraph", Clause: cPract, Severity: SeverityWarning, Kind: KindCount,
		Summary: "同一段落重复出现"},
	{ID: "repeated-word", Clause: cPract, Severity: SeverityInfo, Kind: KindPattern,
		Summary: "字词误重复（的的、了了、和和）"},

	// genre rules
	{ID: "qingshi-one-matter", Clause: tiaoli + "第十五条（四）", Severity: SeverityWarning, Kind: KindCount, Genres: gQingshi,
		Params:  map[string]any{"requests": []string{"请批示", "请批复", "请审批", "请批准", "请审定", "请审示", "请予批准", "请予审批", "请指示", "妥否", "当否", "是否可行"}},
		Summary: "请示一文一事，只有一个请求事项"},
	{ID: "qingshi-closing", Clause: tiaoli + "第十五条（四） / " + cPract, Severity: SeverityWarning, Kind: KindPhrase, Genres: gQingshi,
		Phrases: "requests", Mode: "closing", Closing: 2,
		Message: "请示应以请求语结尾，如“妥否，请批示。”或“当否，请批复。”",
		Params:  map[string]any{"requests": []string{"请批示", "请批复", "请审批", "请批准", "请审定", "请审示", "请予", "请指示", "妥否", "当否", "请批转", "请核准", "请示", "请研究", "请审核", "请同意", "恳请", "是否可行"}},
		Summary: "请示以请求语结尾（妥否，请批示。）"},
	{ID: "qingshi-contact", Clause: cPract, Severity: SeverityInfo, Kind: KindPresence, Genres: gQingshi,
		Summary: "请示在附注中注明联系人和电话"},
	{ID: "report-no-request", Clause: tiaoli + "第十五条（四）", Severity: SeverityError, Kind: KindPhrase, Genres: gBaogao,
		Phrases: "phrases", Mode: "forbidden", Where: []string{"body"},
		Message: "报告中不得夹带请示事项（“{text}”），需要上级批准的事项应另行请示",
		Params:  map[string]any{"phrases": []string{"妥否", "当否", "请批示", "请批复", "请审批", "请批准", "请予批准", "请予审批", "请指示", "请批转", "请审定", "请审示", "请研究批复"}},
		Summary: "报告中不得夹带请示事项"},
	{ID: "report-closing", Clause: cPract, Severity: SeverityInfo, Kind: KindPhrase, Genres: gBaogao,
		Phrases: "closings", Mode: "closing", Closing: 1, Message: "报告一般以“特此报告。”结尾",
		Params:  map[string]any{"closings": []string{"特此报告", "专此报告", "现予报告", "请审阅", "请审议", "请阅示"}},
		Summary: "报告一般以“特此报告。”结尾"},
	{ID: "pifu-citation", Clause: cPract, Severity: SeverityInfo, Kind: KindPattern, Genres: []string{"批复", "函"},
		Summary: "批复开头先引来文标题，后引发文字号：《关于……的请示》（×〔2024〕5号）收悉"},
	{ID: "han-tone", Clause: cPract, Severity: SeverityWarning, Kind: KindPhrase, Genres: gHan,
		Phrases: "forbidden", Mode: "forbidden", Where: []string{"body"},
		Message: "函用于不相隶属机关之间商洽、询问和答复，语气应平和，不用“{text}”等指令性用语（可用“特此函告”“请予支持”）",
		Params:  map[string]any{"forbidden": []string{"特此通知", "特此通报", "特此批复", "特此报告", "请遵照执行", "认真贯彻执行", "不得有误"}},
		Summary: "函用商洽语气（特此函告、请予支持），不用“特此通知”等指令性用语"},
	{ID: "closing-genre-mismatch", Clause: cPract, Severity: SeverityWarning, Kind: KindPhrase,
		Summary: "结束语与文种一致（通知不写“特此报告”，报告不写“特此通知”）"},

	// geometry (layout.Typeset)
	{ID: "layout-page1-body", Clause: clBody, Severity: SeverityError, Kind: KindGeometry,
		Summary: "首页必须显示正文"},
	{ID: "layout-signoff-alone", Clause: c9704 + "7.3.5.5", Severity: SeverityWarning, Kind: KindGeometry,
		Summary: "署名、成文日期不单独成页，应与正文在同一页"},
	{ID: "layout-seal-distance", Clause: c9704 + "7.3.5.1", Severity: SeverityError, Kind: KindGeometry,
		Summary: "印章顶端距正文（或附件说明）不超过一行"},
	{ID: "layout-banji-even", Clause: c9704 + "7.4.1 / 7.5 / 6.2", Severity: SeverityWarning, Kind: KindGeometry,
		Summary: "版记位于最后一页（双面印刷的偶数页）"},
}
