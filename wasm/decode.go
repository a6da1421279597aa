package main

import (
	"errors"
	"strconv"
	"strings"

	"icmplab/codec"
	"icmplab/codec/dissect"
	"icmplab/codec/textdump"
)

// DecodeOptions are what the page's selects say; empty means detect.
type DecodeOptions struct {
	Dialect string `json:"dialect"`
	Layer   string `json:"layer"`
	Lang    Lang   `json:"-"` // the language of the words in the result
	// List asks for a paste of several packets as a session of rows
	// (decodeList), listed like a capture.
	List bool `json:"-"`
}

// DecodeResult is the answer to decode (see api.d.ts).
type DecodeResult struct {
	Dialect         string      `json:"dialect,omitempty"`
	DialectTitle    string      `json:"dialectTitle,omitempty"` // Dialect in the page's language
	DialectDetected bool        `json:"dialectDetected"`
	Layer           string      `json:"layer"`
	LayerTitle      string      `json:"layerTitle"`
	LayerDetected   bool        `json:"layerDetected"`
	LayerReason     string      `json:"layerReason,omitempty"`
	Frames          []FrameView `json:"frames"`
	// Limit says that the text held more packets than one paste shows.
	Limit string `json:"limit,omitempty"`
	// Handle names the session listing a paste (decodeList), Count its
	// rows; Frames is empty then, unless the paste is one packet.
	Handle int `json:"handle,omitempty"`
	Count  int `json:"count,omitempty"`
}

// maxPasteBytes bounds what one paste may expand to (an od '*' line can
// stand for gigabytes); captures go through the file path instead.
const maxPasteBytes = 16 << 20

// maxPasteFrames bounds how many packets of one paste are dissected: each
// costs its whole tree in the answer, and a few megabytes of tiny packets
// ("45\n\n" over and over) would otherwise run the module out of memory.
// A capture file has no such bound: its packets are listed, not dissected.
const maxPasteFrames = 2000

// errEmpty is the message for an empty paste.
var errEmpty = errors.New("nothing to dissect: paste the bytes of a packet in any hex or base64 form")

// errEmptyIn is errEmpty in l.
func errEmptyIn(l Lang) error {
	if l == KO {
		return errors.New("분석할 것이 없습니다: 패킷의 바이트를 16진이나 base64 형식으로 붙여 넣으세요")
	}
	return errEmpty
}

// decodeText reads the packets in a paste and dissects each.
func decodeText(text string, o DecodeOptions) (DecodeResult, error) {
	res, out, start, err := parsePaste(text, o)
	if err != nil {
		return DecodeResult{}, err
	}
	// Several packets are a little capture: fragments among them are put
	// back together, and the frame completing a datagram shows it whole.
	var ra *dissect.Reassembler
	if len(res.Packets) > 1 {
		ra = dissect.NewReassembler()
	}
	packets := res.Packets
	if len(packets) > maxPasteFrames {
		out.Limit = o.Lang.pick(codec.Text{
			EN: "the text holds " + strconv.Itoa(len(packets)) + " packets; the first " + strconv.Itoa(maxPasteFrames) + " are shown: save it as a capture file to list them all",
			KO: "텍스트에 패킷이 " + strconv.Itoa(len(packets)) + "개 있습니다. 처음 " + strconv.Itoa(maxPasteFrames) + "개만 보여 줍니다: 모두 보려면 캡처 파일로 저장해 여세요",
		})
		packets = packets[:maxPasteFrames]
	}
	for i, p := range packets {
		dopt := dissect.Options{Time: p.Time, Reassembler: ra, Lang: o.Lang.words()}
		if len(res.Packets) > 1 {
			dopt.Number = i + 1
		}
		// Unless the user named one, each packet starts where its own bytes
		// say: a paste may mix IPv6 and IPv4 packets.
		l := start
		if o.Layer == "" {
			l = dissect.Guess(p.Data)
		}
		out.Frames = append(out.Frames, viewFrame(dissect.Dissect(p.Data, l, dopt), o.Lang))
	}
	return out, nil
}

// parsePaste reads a paste's packets and chooses the first packet's start
// layer (the one the user named, or the one its bytes say), recorded in
// the result it begins.
func parsePaste(text string, o DecodeOptions) (textdump.Result, DecodeResult, dissect.Layer, error) {
	if strings.TrimSpace(text) == "" {
		return textdump.Result{}, DecodeResult{}, 0, errEmptyIn(o.Lang)
	}
	var opt textdump.Options
	opt.MaxBytes = maxPasteBytes
	opt.StartsAtNetwork = dissect.StartsAtNetwork
	if o.Dialect != "" {
		d, ok := textdump.ParseDialect(o.Dialect)
		if !ok {
			return textdump.Result{}, DecodeResult{}, 0, errors.New(o.Lang.say("unknown format "+quote(o.Dialect)+"; choose one from the list",
				"알 수 없는 형식 "+quote(o.Dialect)+": 목록에서 고르세요"))
		}
		opt.Dialect = d
	}
	res, err := textdump.Parse(text, opt)
	if err != nil {
		return textdump.Result{}, DecodeResult{}, 0, pasteError(err, opt.Dialect, o.Lang)
	}
	out := DecodeResult{Dialect: res.Dialect.String(), DialectTitle: dialectTitle(o.Lang, res.Dialect), DialectDetected: opt.Dialect == textdump.Auto}
	start, err := chooseLayer(o.Layer, &out, firstData(res.Packets), o.Lang)
	if err != nil {
		return textdump.Result{}, DecodeResult{}, 0, err
	}
	return res, out, start, nil
}

// decodeBytes dissects raw bytes (a Uint8Array from the page).
func decodeBytes(b []byte, o DecodeOptions) (DecodeResult, error) {
	if len(b) == 0 {
		return DecodeResult{}, errEmptyIn(o.Lang)
	}
	var out DecodeResult
	start, err := chooseLayer(o.Layer, &out, b, o.Lang)
	if err != nil {
		return DecodeResult{}, err
	}
	out.Frames = []FrameView{viewFrame(dissect.Dissect(b, start, dissect.Options{Lang: o.Lang.words()}), o.Lang)}
	return out, nil
}

func firstData(ps []textdump.Packet) []byte {
	if len(ps) == 0 {
		return nil
	}
	return ps[0].Data
}

// chooseLayer takes the layer the user named, or guesses it from the first
// packet's bytes and records why (the result names the first packet's).
func chooseLayer(name string, out *DecodeResult, first []byte, lang Lang) (dissect.Layer, error) {
	if name != "" {
		l, ok := dissect.ParseLayer(name)
		if !ok {
			return 0, errors.New("unknown start layer " + quote(name) + "; known: " + strings.Join(dissect.Layers(), ", "))
		}
		out.Layer, out.LayerTitle = l.String(), layerTitle(l, lang)
		return l, nil
	}
	l, why := dissect.GuessWhyIn(first, lang.words())
	out.Layer, out.LayerTitle, out.LayerDetected, out.LayerReason = l.String(), layerTitle(l, lang), true, why
	return l, nil
}

// layerTitle is how the page names a start layer ("IPv4", "Linux SLL"),
// in lang: the few titles that are words, not protocol names, are
// translated.
func layerTitle(l dissect.Layer, lang Lang) string {
	if lang == KO {
		return l.TitleKO()
	}
	return l.Title()
}

// pasteError turns a textdump error into a sentence a person can act on.
func pasteError(err error, d textdump.Dialect, l Lang) error {
	var se *textdump.SyntaxError
	switch {
	case errors.Is(err, textdump.ErrNoBytes):
		return errors.New(l.say("no packet bytes found in the text: paste hex (tcpdump -x/-xx/-X, xxd, hexdump -C, Wireshark hex dump, plain hex, a C array) or base64",
			"텍스트에서 패킷 바이트를 찾지 못했습니다: 16진(tcpdump -x/-xx/-X, xxd, hexdump -C, "+textdump.WiresharkHexDump.TitleKO()+", "+textdump.PlainHex.TitleKO()+", "+textdump.CArray.TitleKO()+")이나 base64를 붙여 넣으세요"))
	case errors.As(err, &se) && d == textdump.Auto:
		return errors.New(l.say("could not read the text as packet bytes: "+se.Error()+"; if the format was misdetected, choose it in the Format list",
			"텍스트를 패킷 바이트로 읽지 못했습니다: "+se.KO()+" (형식을 잘못 감지했다면 형식 목록에서 고르세요)"))
	case errors.As(err, &se):
		return errors.New(l.say("could not read the text as "+d.String()+": "+se.Error(),
			"텍스트를 "+d.TitleKO()+" 형식으로 읽지 못했습니다: "+se.KO()))
	}
	return err
}

func quote(s string) string { return `"` + s + `"` }
