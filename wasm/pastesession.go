package main

import (
	"net/netip"
	"strconv"
	"time"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

// A paste of several packets is listed as a capture is (issue 14): decode
// with the list option makes a session of its packets, so the page's list,
// filter box, sorting, go-to-packet, export and compare serve pastes and
// captures by one path. What a paste has that a file has not: each packet
// starts at the layer its own bytes say (a tcpdump paste may mix IPv6 and
// IPv4), its time is what the dump printed or none, and fragments among
// the packets are put back together as decodeText does.

// pasteInfo is what a paste session knows besides its rows.
type pasteInfo struct {
	layers []dissect.Layer // each row's start layer
	named  bool            // the user chose the layer; else each was guessed
	// dialectDetected says the dump's format was detected, not chosen.
	dialectDetected bool
}

// decodeList reads a paste and lists its packets in a session of
// out.Count rows named by out.Handle, which the capture calls read. One
// packet is listed too (a row like any other, so a single paste can be
// filtered, exported or compared with the next), and also dissected at
// once in out.Frames: the page draws it without asking for row 1 (a share
// link's first dissection waits for nothing more).
func decodeList(text string, o DecodeOptions) (DecodeResult, error) {
	res, out, start, err := parsePaste(text, o)
	if err != nil {
		return DecodeResult{}, err
	}
	packets := res.Packets
	if len(packets) == 1 {
		p := packets[0]
		out.Frames = []FrameView{viewFrame(dissect.Dissect(p.Data, start, dissect.Options{Number: 1, Time: p.Time, Lang: o.Lang.words()}), o.Lang)}
	}
	// textdump keeps at most its DefaultMaxPackets (100,000) packets and
	// says where it stopped: the list says so too.
	for _, n := range res.Notes {
		ln := strconv.Itoa(n.Line)
		out.Limit = o.Lang.pick(codec.Text{
			EN: "line " + ln + ": " + n.Msg + "; save the text as a capture file to list it all",
			KO: ln + "번째 줄부터는 읽지 않았습니다(패킷이나 줄이 한도를 넘음): 모두 보려면 캡처 파일로 저장해 여세요",
		})
	}
	s := &session{
		fetch:    -1,
		name:     "paste",
		finished: true, // nothing is streamed into it
		format:   res.Dialect.String(),
		dialect:  res.Dialect,
		strIdx:   map[string]uint32{},
		addrIdx:  map[netip.Addr]uint32{},
		linkFor:  map[int]uint32{},
		paste:    &pasteInfo{named: o.Layer != "", dialectDetected: out.DialectDetected},
	}
	ra := dissect.NewReassembler()
	first := true
	for i, p := range packets {
		l := start
		if o.Layer == "" {
			l = dissect.Guess(p.Data)
		}
		lt, _ := dissect.LinkTypeForLayer(l)
		r := row{n: uint32(len(p.Data)), orig: uint32(len(p.Data))}
		if p.Time.IsZero() {
			r.flags |= flagNoTime
		} else {
			var tod bool
			r.ts, tod = pasteTime(p.Time)
			if tod {
				r.flags |= flagTimeOfDay
			}
			if first {
				s.first, first = r.ts, false
			}
		}
		f := dissect.Dissect(p.Data, l, dissect.Options{Number: i + 1, Time: p.Time, Reassembler: ra})
		if len(f.Sources) > 0 {
			r.flags |= flagReassembles
		}
		s.paste.layers = append(s.paste.layers, l)
		first0 := s.first
		s.add(r, capPacket{Data: p.Data, Time: p.Time, OrigLen: len(p.Data), LinkType: lt}, l, f)
		s.first = first0 // add takes the first row's time, which may be none
	}
	out.Handle, out.Count = registerSession(s), s.rows.Len()
	return out, nil
}

// pasteTime is a dump's time stamp as the row keeps it. tcpdump's default
// prints a time of day only (textdump dates it 0000-01-01, before what Unix
// nanoseconds hold): that is kept as the time since its day began, and tod
// says so.
func pasteTime(t time.Time) (ns int64, tod bool) {
	if y := t.Year(); y >= 1678 && y <= 2261 {
		return t.UnixNano(), false
	}
	return int64(t.Sub(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location()))), true
}

// registerSession gives a session made whole (a paste) its handle.
func registerSession(s *session) int {
	sessMu.Lock()
	defer sessMu.Unlock()
	h := nextSess
	nextSess++
	sessions[h] = s
	return h
}

// pastePacket dissects row i of a paste session; s.mu is held. A fragment
// that completes a datagram is dissected after the packets before it, so
// it shows the datagram whole, as in decodeText.
func (s *session) pastePacket(i int, data []byte, l Lang) DecodeResult {
	start := s.paste.layers[i]
	out := DecodeResult{Dialect: s.format, DialectTitle: dialectTitle(l, s.dialect), DialectDetected: s.paste.dialectDetected, Layer: start.String(), LayerTitle: layerTitle(start, l), LayerDetected: !s.paste.named}
	if !s.paste.named {
		_, out.LayerReason = dissect.GuessWhyIn(data, l.words())
	}
	r := s.rows.At(i)
	opt := dissect.Options{Number: i + 1, Time: r.time(), Lang: l.words()}
	if r.flags&flagReassembles != 0 {
		opt.Reassembler = dissect.NewReassembler()
		for j := 0; j < i; j++ {
			rj := s.rows.At(j)
			dissect.Dissect(s.kept.Get(rj.keep, rj.n), s.paste.layers[j], dissect.Options{Number: j + 1, Reassembler: opt.Reassembler})
		}
	}
	out.Frames = []FrameView{viewFrame(dissect.Dissect(data, start, opt), l)}
	return out
}

// time is the row's capture time; zero for a pasted packet printed without,
// and dated 0000-01-01 as textdump dates it for a time of day alone.
func (r row) time() time.Time {
	switch {
	case r.flags&flagNoTime != 0:
		return time.Time{}
	case r.flags&flagTimeOfDay != 0:
		return time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.ts))
	}
	return time.Unix(0, r.ts)
}

// relTimeOf is the list's time column for r: "" when the dump printed none.
func (s *session) relTimeOf(r row) string {
	if r.flags&flagNoTime != 0 {
		return ""
	}
	return relTime(r.ts - s.first)
}

// linkTypeOf is the link type row i is exported with; false for a pasted
// ICMP message without an IP header, which no link type carries.
func (s *session) linkTypeOf(i int) (uint32, bool) {
	if s.paste != nil {
		return dissect.LinkTypeForLayer(s.paste.layers[i])
	}
	return s.linkOf(i), true
}
