package dissect

import (
	"strconv"

	"icmplab/codec"
)

// The words inside values ("Set", "[correct]", "64 bytes"), in the
// dissection's language. English is what tshark writes; the golden files
// hold it unchanged.

// setWords is the value of a one-bit flag.
func (d *dissector) setWords(v uint32) string {
	if d.opt.Lang == LangKO {
		if v != 0 {
			return "설정됨 (Set)"
		}
		return "설정 안 됨 (Not set)"
	}
	return setNotSet(v)
}

// flagShow is setWords as a value function for bits.
func (d *dissector) flagShow() func(uint32) string {
	if d.opt.Lang == LangKO {
		return d.setWords
	}
	return setNotSet
}

// labelSuffix adds to a label the name or number the field id's Korean
// label leaves out ("IP 옵션 (Option): Record Route (RR)"); English labels
// carry it already.
func (d *dissector) labelSuffix(nd *Node, sep, s string) {
	if d.opt.Lang != LangEN {
		nd.Label += sep + s
	}
}

// byteCount is "1 byte", "64 bytes"; "64바이트" in Korean.
func (d *dissector) byteCount(n int) string {
	if d.opt.Lang == LangKO {
		return strconv.Itoa(n) + "바이트"
	}
	return byteCount(n)
}

// appendByteCount appends byteCount(n).
func (d *dissector) appendByteCount(b []byte, n int) []byte {
	if d.opt.Lang == LangKO {
		return append(strconv.AppendInt(b, int64(n), 10), "바이트"...)
	}
	return appendByteCount(b, n)
}

// bytesWord is what follows a number of bytes inside a value: " bytes".
func (d *dissector) bytesWord() string { return d.opt.Lang.say(" bytes", "바이트") }

// appendCorrect appends the verdict on a checksum that verifies.
func (d *dissector) appendCorrect(b []byte) []byte {
	return append(b, d.opt.Lang.say(" [correct]", " [정상]")...)
}

// appendUnverified appends the verdict on a checksum that cannot be judged.
func (d *dissector) appendUnverified(b []byte) []byte {
	return append(b, d.opt.Lang.say(" [unverified]", " [검증 불가]")...)
}

// appendIncorrect appends the verdict on a wrong checksum and the right one.
func (d *dissector) appendIncorrect(b []byte, want uint16) []byte {
	if d.opt.Lang == LangKO {
		b = append(b, " [틀림, 올바른 값 "...)
		b = appendHex(b, uint32(want), 2)
		return append(b, ']')
	}
	return appendIncorrect(b, want)
}

// typeName and codeName are the registry's names in the dissection's
// language.
func (d *dissector) typeName(f codec.Family, t codec.Type) string {
	if d.opt.Lang == LangKO {
		return codec.TypeNameKO(f, t)
	}
	return codec.TypeName(f, t)
}

func (d *dissector) codeName(f codec.Family, t codec.Type, c codec.Code) (string, bool) {
	ci, ok := codec.LookupCode(f, t, c)
	if !ok || ci.Name == "" {
		return "", false
	}
	if d.opt.Lang == LangKO && ci.NameKO != "" {
		return ci.NameKO, true
	}
	return ci.Name, true
}

// protoName is an IP protocol's short name in the dissection's language
// ("IPv6 Fragment", "IPv6 조각 (Fragment)"; acronyms are the same in both).
func (d *dissector) protoName(p uint8) string { return protoNameIn(d.opt.Lang, p) }

func protoNameIn(l Lang, p uint8) string {
	if l == LangKO {
		n, _ := codec.ProtoNameKO(p)
		return n
	}
	return ipProtoName(p)
}

// ndpOptName, extClassName and roleName are codec's names of an NDP
// option, an extension object's class and an RFC 5837 interface role in
// the dissection's language.
func (d *dissector) ndpOptName(t codec.NDPOptionType) string {
	return d.opt.Lang.say(t.String(), t.KO())
}

func (d *dissector) extClassName(c codec.ExtClass) string {
	return d.opt.Lang.say(c.String(), c.KO())
}

func (d *dissector) roleName(r codec.InterfaceRole) string {
	return d.opt.Lang.say(r.String(), r.KO())
}

// srcDstWords are the words of an IP header's value "Src: a, Dst: b".
func (d *dissector) srcDstWords() (src, dst string) {
	if d.opt.Lang == LangKO {
		return "출발지: ", ", 목적지: "
	}
	return "Src: ", ", Dst: "
}

// layoutWords names where the extension structure was found.
func (d *dissector) layoutWords(l codec.ExtLayout) string {
	if d.opt.Lang == LangKO && l == codec.ExtLegacy {
		return "구형 배치 (legacy): 오프셋 128, 표준에 맞지 않는 길이 필드"
	}
	return l.String()
}

// portWords are the words of a UDP or TCP header's value "Src Port: 1,
// Dst Port: 2".
func (d *dissector) portWords() (src, dst string) {
	if d.opt.Lang == LangKO {
		return "출발지 포트: ", ", 목적지 포트: "
	}
	return "Src Port: ", ", Dst Port: "
}

// fragDesc describes a fragment's datagram for a node's value and a note:
// "IPv4 datagram id=0x1234 (a → b, UDP), offset 1480, 1480 bytes".
type fragDesc struct {
	v6              bool
	id              uint32
	src, dst, proto string
	offset, length  int
}

func (f fragDesc) in(l Lang) string {
	id := "0x" + string(codec.AppendHex(nil, uint64(f.id), 4))
	fam := "IPv4"
	if f.v6 {
		id = "0x" + string(codec.AppendHex(nil, uint64(f.id), 8))
		fam = "IPv6"
	}
	if l == LangKO {
		return fam + " 데이터그램 id=" + id + " (" + f.src + " → " + f.dst + ", " + f.proto + "), 오프셋 " +
			strconv.Itoa(f.offset) + ", " + strconv.Itoa(f.length) + "바이트"
	}
	return fam + " datagram id=" + id + " (" + f.src + " → " + f.dst + ", " + f.proto + "), offset " +
		strconv.Itoa(f.offset) + ", " + strconv.Itoa(f.length) + " bytes"
}
