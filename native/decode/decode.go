// Package decode is the engine of `icmplab decode`: it reads frames from a
// capture file or from pasted hex, dissects them with codec/dissect and
// writes one of three formats. Protocol knowledge stays in codec; this
// package only chooses inputs and outputs.
package decode

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"icmplab/codec"
	"icmplab/codec/dissect"
	"icmplab/codec/filter"
	"icmplab/codec/textdump"
)

// Format is an output format.
type Format uint8

const (
	FormatText    Format = iota // one line per frame, like tshark's default
	FormatTree                  // full dissection, like tshark -V
	FormatJSONL                 // one JSON record per frame (see dissect.Record)
	FormatDiagram               // every header as RFC-style ASCII art (dissect.WriteDiagrams)
)

// Formats names the formats as the --format flag takes them.
var Formats = map[string]Format{"text": FormatText, "tree": FormatTree, "jsonl": FormatJSONL, "diagram": FormatDiagram}

// Options steer a decode run.
type Options struct {
	Format  Format
	Dialect textdump.Dialect // for text input; Auto detects it
	// Layer forces the start layer; LayerAuto means the capture's link type,
	// or a guess for text input.
	Layer dissect.Layer
	// MaxTextBytes bounds text input read into memory; 0 means 64 MiB.
	MaxTextBytes int64
	// WorkChecksums prints, in FormatTree, each checksum worked out word by
	// word under its field (dissect.WriteTreeWorked).
	WorkChecksums bool
	// fullLines turns the summary fast path off, so tests can hold its
	// lines to the full dissection's.
	fullLines bool
	// Filter, when set, shows only the frames it matches (-Y); frames keep
	// their capture numbers, and only shown frames count in Stats.
	Filter *filter.Filter
	// Lang is the language of the text and tree formats' words (labels,
	// notes, summaries); jsonl records are for programs and stay English.
	Lang dissect.Lang
}

// Frame is one input frame before dissection.
type Frame struct {
	Data  []byte
	Time  time.Time // zero when the input has none
	Len   int       // length on the wire; 0 means len(Data)
	Layer dissect.Layer
	// Why says how Layer was chosen when it was guessed from the bytes, for
	// the tree output ("starts with 0x45 and the IPv4 header checksum verifies").
	Why string
	// Notes are what the input reader says about this frame or the blocks
	// before it: a limit reached, a length that disagrees ("pcapng:
	// interface description block at offset 96: interface 65,537 ignored:
	// ..."). Printed before the frame; they make the run's exit status 1.
	Notes []string
}

// Source yields frames; Next returns io.EOF after the last one.
type Source interface {
	Next() (Frame, error)
	// Describe says what the input was detected as, for --verbose output
	// and error messages ("pcapng", "tcpdump -X text").
	Describe() string
}

// noteSource is a Source with notes left after its last frame (blocks
// after the last packet, a text cut at a limit).
type noteSource interface {
	TrailingNotes() []string
}

// InputError is an input that cannot be read at all: exit status 2.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Capture file magics: pcap (both byte orders, micro and nanosecond),
// pcapng, and gzip around either.
var captureMagics = [][]byte{
	{0xd4, 0xc3, 0xb2, 0xa1}, {0xa1, 0xb2, 0xc3, 0xd4},
	{0x4d, 0x3c, 0xb2, 0xa1}, {0xa1, 0xb2, 0x3c, 0x4d},
	{0x0a, 0x0d, 0x0d, 0x0a},
	{0x1f, 0x8b},
}

// IsCapture reports whether the first bytes of an input are a capture file.
func IsCapture(head []byte) bool {
	for _, m := range captureMagics {
		if bytes.HasPrefix(head, m) {
			return true
		}
	}
	return false
}

// Open detects the kind of input and returns its frames: a capture file
// (pcap, pcapng, gzip) read as a stream, or text in any dialect textdump
// reads, each packet of the text a frame.
func Open(r io.Reader, opt Options) (Source, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4)
	if IsCapture(head) {
		return openCapture(br, opt)
	}
	max := opt.MaxTextBytes
	if max <= 0 {
		max = textdump.DefaultMaxBytes
	}
	// Read into a Builder: its String is the bytes read, not a second
	// copy of them (the text is the largest thing a text decode holds).
	var text strings.Builder
	if _, err := io.Copy(&text, io.LimitReader(br, max+1)); err != nil {
		return nil, &InputError{err}
	}
	if int64(text.Len()) > max {
		return nil, &InputError{fmt.Errorf("text input larger than %d bytes", max)}
	}
	return OpenText(text.String(), opt)
}

// OpenText reads frames from text (a --hex argument or pasted dump).
func OpenText(text string, opt Options) (Source, error) {
	if strings.TrimSpace(text) == "" {
		return nil, &InputError{errors.New("no input: give a capture file, hex text on standard input, or --hex")}
	}
	res, err := textdump.Parse(text, textdump.Options{Dialect: opt.Dialect, StartsAtNetwork: dissect.StartsAtNetwork})
	if err != nil {
		return nil, &InputError{err}
	}
	return &textSource{res: res, layer: opt.Layer}, nil
}

type textSource struct {
	res   textdump.Result
	i     int
	layer dissect.Layer
}

// TrailingNotes says what the text reader left unread at its limits.
func (s *textSource) TrailingNotes() []string {
	var out []string
	for _, n := range s.res.Notes {
		out = append(out, "text: "+n.String())
	}
	s.res.Notes = nil
	return out
}

func (s *textSource) Next() (Frame, error) {
	if s.i >= len(s.res.Packets) {
		return Frame{}, io.EOF
	}
	p := s.res.Packets[s.i]
	s.i++
	l, why := s.layer, ""
	if l == dissect.LayerAuto {
		l, why = dissect.GuessWhy(p.Data)
	}
	t := p.Time
	if t.Year() == 0 {
		t = time.Time{} // a time of day without a date is not a time
	}
	return Frame{Data: p.Data, Time: t, Layer: l, Why: why}, nil
}

func (s *textSource) Describe() string { return s.res.Dialect.String() + " text" }

// Stats counts what a run saw.
type Stats struct {
	Frames      int
	WithErrors  int // frames with at least one error note
	ICMP        int
	BadChecksum int
	InputNotes  int // notes of the input reader (limits reached, lengths that disagree)
}

// Run dissects every frame of src and writes it to w in opt.Format. A read
// error after some frames is returned with the frames so far written.
func Run(src Source, w io.Writer, opt Options) (Stats, error) {
	var st Stats
	bw := bufio.NewWriterSize(w, 64<<10)
	defer bw.Flush()
	ra := dissect.NewReassembler()
	var first time.Time
	var lineBuf []byte
	number := 0 // capture position, kept when a filter hides frames
	trailing := func() {
		if ns, ok := src.(noteSource); ok {
			for _, n := range ns.TrailingNotes() {
				st.InputNotes++
				writeNote(bw, opt.Format, n)
			}
		}
	}
	for {
		in, err := src.Next()
		if errors.Is(err, io.EOF) {
			trailing()
			return st, bw.Flush()
		}
		if err != nil {
			trailing()
			bw.Flush()
			return st, err
		}
		number++
		for _, n := range in.Notes {
			st.InputNotes++
			writeNote(bw, opt.Format, n)
		}
		if first.IsZero() {
			first = in.Time
		}
		// A filter decides from the quick summary when it can (decided),
		// and otherwise from the tree below.
		decided := false
		if opt.Filter != nil {
			m, ok := opt.Filter.MatchBytes(in.Data, in.Layer, number, in.Len)
			if ok && !m {
				continue
			}
			decided = ok
		}
		dopt := dissect.Options{Number: number, Time: in.Time, Len: in.Len, Reassembler: ra}
		if opt.Format != FormatJSONL {
			dopt.Lang = opt.Lang
		}
		if opt.Format == FormatText && !opt.fullLines && (opt.Filter == nil || decided) {
			// The summary fast path: the same line, no tree, for the clean
			// echoes and errors most captures hold; anything else is
			// dissected in full below.
			if line, ok := dissect.AppendQuickLine(lineBuf[:0], in.Data, in.Layer, dopt, first); ok {
				lineBuf = line
				st.Frames++
				st.ICMP++
				if _, err := bw.Write(line); err != nil {
					return st, err
				}
				continue
			}
		}
		f := dissect.Dissect(in.Data, in.Layer, dopt)
		if opt.Filter != nil && !decided && !opt.Filter.Match(f) {
			continue
		}
		st.Frames++
		if len(f.Errors) > 0 {
			st.WithErrors++
		}
		if f.ICMP != nil {
			st.ICMP++
			if f.ICMP.Checksum.Status == codec.ChecksumBad {
				st.BadChecksum++
			}
		}
		switch opt.Format {
		case FormatTree:
			if in.Why != "" && opt.Lang == dissect.LangKO {
				_, why := dissect.GuessWhyIn(in.Data, opt.Lang)
				fmt.Fprintf(bw, "[%s(으)로 읽음: %s]\n", in.Layer, why)
			} else if in.Why != "" {
				fmt.Fprintf(bw, "[Read as %s: %s]\n", in.Layer, in.Why)
			}
			if opt.WorkChecksums {
				err = dissect.WriteTreeWorked(bw, f)
			} else {
				err = dissect.WriteTree(bw, f)
			}
		case FormatJSONL:
			err = dissect.WriteRecord(bw, f)
		case FormatDiagram:
			err = dissect.WriteDiagrams(bw, f)
		default:
			err = dissect.WriteLine(bw, f, first)
		}
		if err != nil {
			return st, err
		}
	}
}

// writeNote writes an input note where the format keeps it apart from the
// frames: a bracketed line in text and tree (as tshark prints expert
// info), a JSON object with a "note" member in jsonl, which no frame
// record has.
func writeNote(w io.Writer, f Format, note string) {
	if f == FormatJSONL {
		b, _ := json.Marshal(struct {
			Note string `json:"note"`
		}{note})
		w.Write(append(b, '\n'))
		return
	}
	fmt.Fprintf(w, "[Input note: %s]\n", note)
}
