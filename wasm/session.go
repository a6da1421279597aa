package main

import (
	"errors"
	"io"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"icmplab/codec"
	"icmplab/codec/dissect"
	"icmplab/codec/textdump"
)

// A capture is read in chunks the worker pulls from the File's stream. The
// codec's capture reader wants an io.Reader, so it runs in its own goroutine
// on a chunkReader; feed hands it one chunk and waits until it asks for the
// next, and the rows it made are there to be listed.
//
// Memory stays bounded whatever the file's size: each packet costs one
// compact row; the bytes of packets are kept only up to keepBudget. A packet
// past that is fetched again when selected: the worker streams the File once
// more into a fetch session, which skips every packet before it undissected
// and stops there. (The capture reader buffers and may gunzip, so there is
// no file offset to seek to.)

// keepBudget is how many packet bytes a session keeps in memory (a variable
// so the tests can make every packet take the fetch path).
var keepBudget = 192 << 20

// maxRows is how many packets a session lists; a larger capture is cut with a
// message (at 32 bytes a row, 160 MB of index).
const maxRows = 5_000_000

// row is one packet of the list, 32 bytes.
type row struct {
	ts       int64  // capture time, Unix nanoseconds
	keep     uint32 // offset in session.kept, when kept
	n        uint32 // captured length
	orig     uint32 // length on the wire
	src, dst uint32 // interned address strings
	fam      uint8
	typ      uint8
	code     uint8
	flags    uint8
}

const (
	flagError       = 1 << iota // a note of severity error
	flagWarning                 // a warning
	flagICMP                    // carries ICMP: fam, typ, code are set
	flagKept                    // bytes are in session.kept
	flagNoTime                  // a pasted packet whose dump printed no time
	flagReassembles             // a pasted fragment that completes a datagram (pastesession.go)
	flagTimeOfDay               // a pasted packet's time is a time of day only (ts counts from midnight)
)

// session is one open capture.
type session struct {
	name   string
	chunks chan []byte
	need   chan struct{}
	done   chan struct{}

	feedMu   sync.Mutex // one feed at a time
	mu       sync.Mutex // rows and view are read by list calls between feeds
	rows     rowStore
	view     []int32 // indices of rows passing the filter; nil means all
	sortKey  string  // the list's order (sort.go); "" is file order
	sortDesc bool
	linkType []uint32
	strs     []string
	strIdx   map[string]uint32
	addrIdx  map[netip.Addr]uint32
	kept     byteStore
	format   string // the capture's format ("pcapng"); a paste's is its dialect
	gzipped  bool
	dialect  textdump.Dialect // a paste's dialect
	err      error            // why reading stopped early
	limited  bool
	first    int64
	finished bool

	pos     int64 // bytes handed to the capture reader so far
	buf     []byte
	eof     bool
	linkFor map[int]uint32 // row index → link type, only where it differs from linkType[0]
	paste   *pasteInfo     // a session made of a paste (pastesession.go); nil for a capture

	// A fetch session (fetch >= 0) only looks for row fetch.
	fetch     int
	seen      int
	fetched   []byte
	fetchLink uint32
}

// sessions are the open captures by handle.
var (
	sessMu   sync.Mutex
	sessions = map[int]*session{}
	nextSess = 1
)

func openSession(name string) int { return startSession(name, -1) }

// openFetch starts a session that reads the capture again only to pick the
// bytes of row i.
func openFetch(i int) int { return startSession("fetch", i) }

func startSession(name string, fetch int) int {
	s := &session{
		fetch:   fetch,
		name:    name,
		chunks:  make(chan []byte),
		need:    make(chan struct{}),
		done:    make(chan struct{}),
		strIdx:  map[string]uint32{},
		addrIdx: map[netip.Addr]uint32{},
		linkFor: map[int]uint32{},
	}
	go s.run()
	select { // wait until the reader asks for its first bytes
	case <-s.need:
	case <-s.done:
		s.finished = true
	}
	sessMu.Lock()
	defer sessMu.Unlock()
	h := nextSess
	nextSess++
	sessions[h] = s
	return h
}

func getSession(h int) (*session, error) {
	sessMu.Lock()
	defer sessMu.Unlock()
	s, ok := sessions[h]
	if !ok {
		return nil, errors.New("no open capture with handle " + strconv.Itoa(h))
	}
	return s, nil
}

func closeSession(h int) {
	sessMu.Lock()
	s := sessions[h]
	delete(sessions, h)
	sessMu.Unlock()
	if s != nil && !s.finished {
		s.feed(nil) // lets the reader goroutine end
	}
}

// Read gives the capture reader the bytes fed so far, asking for more when
// they run out. A nil chunk is the end of the file.
func (s *session) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		if s.eof {
			return 0, io.EOF
		}
		s.need <- struct{}{}
		c := <-s.chunks
		if c == nil {
			s.eof = true
			return 0, io.EOF
		}
		s.buf = c
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	s.pos += int64(n)
	return n, nil
}

// feed hands one chunk to the reader and returns once it has used it up.
// Feeds are serialised: closing a capture while the worker still feeds it
// must not put two chunks in flight.
func (s *session) feed(chunk []byte) {
	s.feedMu.Lock()
	defer s.feedMu.Unlock()
	if s.finished {
		return
	}
	s.chunks <- chunk
	select {
	case <-s.need:
	case <-s.done:
		s.finished = true
	}
}

// run reads the capture and indexes every packet.
func (s *session) run() {
	defer close(s.done)
	r, err := openCapReader(s)
	if err != nil {
		s.setErr(err)
		s.drain()
		return
	}
	s.mu.Lock()
	s.format, s.gzipped = r.Format(), r.Gzipped()
	s.mu.Unlock()
	for {
		p, err := r.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			s.setErr(err)
			s.drain()
			return
		}
		if !s.index(p) {
			s.drain()
			return
		}
	}
}

// drain swallows the rest of the stream after reading stopped, so the
// worker's feeds still complete.
func (s *session) drain() {
	for !s.eof {
		s.need <- struct{}{}
		if <-s.chunks == nil {
			s.eof = true
		}
	}
}

func (s *session) setErr(err error) {
	s.mu.Lock()
	s.err = err
	s.mu.Unlock()
}

// index dissects one packet and appends its row. It returns false when the
// row limit is reached.
func (s *session) index(p capPacket) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fetch >= 0 {
		if s.seen == s.fetch {
			s.fetched = append([]byte(nil), p.Data...)
			s.fetchLink = p.LinkType
			return false
		}
		s.seen++
		return true
	}
	if s.rows.Len() >= maxRows {
		s.limited = true
		return false
	}
	start, _ := dissect.LayerForLinkType(p.LinkType)
	r := row{ts: p.Time.UnixNano(), n: uint32(len(p.Data)), orig: uint32(p.OrigLen)}
	s.add(r, p, start, nil)
	return true
}

// add fills r from the packet's dissection and appends it; s.mu is held.
// A paste hands the frame it has dissected already (f); a capture nil.
func (s *session) add(r row, p capPacket, start dissect.Layer, f *dissect.Frame) {
	// The common case (an ICMP message right behind a plain link header) is
	// listed without building a tree; everything else is dissected in full
	// so its notes mark the row.
	if f != nil {
		s.fromFrame(&r, f)
	} else if q, ok := dissect.QuickICMP(p.Data, start); ok && p.OrigLen <= len(p.Data) {
		r.src, r.dst = s.internAddr(q.Src), s.internAddr(q.Dst)
		r.flags |= flagICMP
		r.fam, r.typ, r.code = uint8(q.Family), uint8(q.Type), uint8(q.Code)
		if q.Checksum == codec.ChecksumBad {
			r.flags |= flagWarning
		}
	} else {
		s.indexSlow(&r, p, start)
	}
	if s.rows.Len() == 0 {
		s.first = r.ts
		s.linkType = []uint32{p.LinkType}
	} else if p.LinkType != s.linkType[0] {
		s.linkFor[s.rows.Len()] = p.LinkType
	}
	if off, ok := s.kept.Put(p.Data, keepBudget); ok {
		r.keep = off
		r.flags |= flagKept
	}
	s.rows.Append(r)
}

// indexSlow fills a row from a full dissection.
func (s *session) indexSlow(r *row, p capPacket, start dissect.Layer) {
	s.fromFrame(r, dissect.Dissect(p.Data, start, dissect.Options{Number: s.rows.Len() + 1, Time: p.Time, Len: p.OrigLen}))
}

// fromFrame fills a row's addresses, ICMP fields and flags from a frame.
func (s *session) fromFrame(r *row, f *dissect.Frame) {
	r.src, r.dst = s.intern(f.Src), s.intern(f.Dst)
	if i := f.ICMP; i != nil {
		r.flags |= flagICMP
		r.fam, r.typ, r.code = uint8(i.Family), uint8(i.Type), uint8(i.Code)
	}
	for _, n := range f.Notes {
		switch n.Severity {
		case dissect.SevError:
			r.flags |= flagError
		case dissect.SevWarning:
			r.flags |= flagWarning
		}
	}
}

// internAddr interns an address's text, formatting each address once.
func (s *session) internAddr(a netip.Addr) uint32 {
	if i, ok := s.addrIdx[a]; ok {
		return i
	}
	i := s.intern(a.String())
	s.addrIdx[a] = i
	return i
}

func (s *session) intern(str string) uint32 {
	if i, ok := s.strIdx[str]; ok {
		return i
	}
	i := uint32(len(s.strs))
	s.strs = append(s.strs, str)
	s.strIdx[str] = i
	return i
}

// FeedResult answers captureFeed.
type FeedResult struct {
	Count int    `json:"count"`
	Done  bool   `json:"done"` // reading stopped: the worker may stop feeding
	Error string `json:"error,omitempty"`
}

func (s *session) status() FeedResult {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := FeedResult{Count: s.rows.Len(), Done: s.finished || s.fetched != nil || s.limited}
	if s.err != nil {
		out.Error = s.err.Error()
	}
	return out
}

// EndResult answers captureEnd.
type EndResult struct {
	Handle   int    `json:"handle"`
	Count    int    `json:"count"`
	Format   string `json:"format"`
	LinkType string `json:"linkType,omitempty"`
	Error    string `json:"error,omitempty"`
	Limit    string `json:"limit,omitempty"`
}

// formatIn names what the session read in l, for the count line: a
// capture's format ("pcapng", gzipped or not) or a paste's dialect.
func (s *session) formatIn(l Lang) string {
	if s.paste != nil {
		return dialectTitle(l, s.dialect)
	}
	if s.gzipped {
		return s.format + l.say(", gzipped", ", gzip 압축")
	}
	return s.format
}

func (s *session) end(h int, l Lang) EndResult {
	s.feed(nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	out := EndResult{Handle: h, Count: s.rows.Len(), Format: s.formatIn(l)}
	if len(s.linkType) > 0 {
		lt := strconv.Itoa(int(s.linkType[0]))
		if start, ok := dissect.LayerForLinkType(s.linkType[0]); ok {
			out.LinkType = l.say("link type ", "링크 타입 ") + lt + " (" + layerTitle(start, l) + ")"
		} else {
			out.LinkType = l.say("link type "+lt+" (not decoded)", "링크 타입 "+lt+" (해석하지 않음)")
		}
	}
	n := strconv.Itoa(s.rows.Len())
	if s.err != nil {
		out.Error = l.say("reading stopped after packet "+n+": ", "패킷 "+n+" 다음에서 읽기를 멈췄습니다: ") + errorIn(l, s.err)
	}
	if s.limited {
		m := strconv.Itoa(maxRows)
		out.Limit = l.say("the list stops at "+m+" packets; open a slice of the capture (editcap -r) to see the rest",
			"목록은 패킷 "+m+"개에서 멈춥니다: 나머지는 캡처를 잘라(editcap -r) 여세요")
	}
	if s.rows.Len() == 0 && s.err == nil {
		out.Error = l.say("the capture holds no packets", "캡처에 패킷이 없습니다")
	}
	return out
}

// CountResult answers captureFilter.
type CountResult struct {
	Count int `json:"count"`
	// Unchecked counts packets the expression could not be evaluated on:
	// their bytes were past keepBudget (see filterExpr). They are left out.
	Unchecked int `json:"unchecked,omitempty"`
}

// Filter selects rows by ICMP type, code, address (a substring or a CIDR
// prefix) and a display-filter expression (codec/filter), all of them.
type Filter struct {
	Family *int   `json:"family"`
	Type   *int   `json:"type"`
	Code   *int   `json:"code"`
	Addr   string `json:"addr"`
	Expr   string `json:"expr"`
}

// filter sets the view. A bad expression is an error and leaves the view
// as it was.
//
// The expression is evaluated on the kept bytes of each row, the way the
// list makes its summaries: no second pass over the file, no memory beyond
// the view (4 bytes a matching row). Rows whose bytes were past keepBudget
// cannot be judged without reading the file again; they are left out and
// counted in Unchecked, so the page can say so.
func (s *session) filter(f Filter) (CountResult, error) {
	var expr *exprFilter
	if e := strings.TrimSpace(f.Expr); e != "" {
		x, err := newExprFilter(e)
		if err != nil {
			return CountResult{}, err
		}
		expr = &x
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if f.Type == nil && f.Code == nil && f.Family == nil && strings.TrimSpace(f.Addr) == "" && expr == nil {
		s.view = nil
		s.applySort()
		return CountResult{Count: s.rows.Len()}, nil
	}
	match := s.addrMatches(f.Addr)
	view := make([]int32, 0, 1024)
	var out CountResult
	// The start layer of every row, unless some rows came from another
	// interface (linkFor): looked up once, not per row of millions.
	start := s.startOf(0)
	oneLink := len(s.linkFor) == 0 && s.paste == nil
	for i := 0; i < s.rows.Len(); i++ {
		r := s.rows.At(i)
		if (f.Type != nil || f.Code != nil || f.Family != nil) && r.flags&flagICMP == 0 {
			continue
		}
		if f.Family != nil && int(r.fam) != *f.Family || f.Type != nil && int(r.typ) != *f.Type || f.Code != nil && int(r.code) != *f.Code {
			continue
		}
		if !match[r.src] && !match[r.dst] {
			continue
		}
		if expr != nil {
			if r.flags&flagKept == 0 {
				out.Unchecked++
				continue
			}
			if !oneLink {
				start = s.startOf(i)
			}
			if !expr.match(s.kept.Get(r.keep, r.n), start, i+1, int(r.orig)) {
				continue
			}
		}
		view = append(view, int32(i))
	}
	s.view = view
	s.applySort()
	out.Count = len(view)
	return out, nil
}

// addrMatches says, for each interned address string, whether it passes
// the address box: inside the prefix when the box holds a CIDR prefix
// (198.18.0.0/15, 2001:2::/48), else containing the box's text.
func (s *session) addrMatches(box string) []bool {
	addr := strings.ToLower(strings.TrimSpace(box))
	match := make([]bool, len(s.strs))
	pfx, perr := netip.ParsePrefix(addr)
	for i, str := range s.strs {
		switch {
		case addr == "":
			match[i] = true
		case perr == nil:
			a, err := netip.ParseAddr(str)
			match[i] = err == nil && pfx.Contains(a.Unmap())
		default:
			match[i] = strings.Contains(strings.ToLower(str), addr)
		}
	}
	return match
}

// RowView is one line of the packet list.
type RowView struct {
	Index   int    `json:"i"`
	No      int    `json:"no"`
	Time    string `json:"time"`
	Src     string `json:"src"`
	Dst     string `json:"dst"`
	Summary string `json:"summary"`
	Flags   int    `json:"flags"`
	Len     int    `json:"len"`           // length on the wire
	TTL     string `json:"ttl,omitempty"` // outer TTL or hop limit, when the bytes are kept
}

// rowsAt lists n rows of the current view from start. Summaries are made
// again from the kept bytes: storing them would cost more than the bytes.
func (s *session) rowsAt(start, n int, l Lang) []RowView {
	s.mu.Lock()
	defer s.mu.Unlock()
	total := s.rows.Len()
	if s.view != nil {
		total = len(s.view)
	}
	out := []RowView{}
	for k := start; k < start+n && k < total && k >= 0; k++ {
		i := k
		if s.view != nil {
			i = int(s.view[k])
		}
		r := s.rows.At(i)
		v := RowView{Index: k, No: i + 1, Src: s.strs[r.src], Dst: s.strs[r.dst], Flags: int(r.flags & (flagError | flagWarning)), Len: int(max(r.orig, r.n))}
		v.Time = s.relTimeOf(r)
		if r.flags&flagKept != 0 {
			start := s.startOf(i)
			f := dissect.Dissect(s.kept.Get(r.keep, r.n), start, dissect.Options{Number: i + 1, Lang: l.words()})
			v.Summary = f.Protocol + " " + f.Info
			v.TTL = ttlOf(f)
		} else if r.flags&flagICMP != 0 {
			fam := codec.Family(r.fam)
			v.Summary = fam.String() + " " + typeName(l, fam, codec.Type(r.typ)) + " (" + codeName(l, fam, codec.Type(r.typ), codec.Code(r.code)) + ")"
		} else {
			v.Summary = l.say("not ICMP", "ICMP 아님")
		}
		out = append(out, v)
	}
	return out
}

// startOf is the layer row i's dissection starts at: its link type's, or
// for a paste the layer its own bytes were guessed at (or the one named).
func (s *session) startOf(i int) dissect.Layer {
	if s.paste != nil {
		return s.paste.layers[i]
	}
	start, _ := dissect.LayerForLinkType(s.linkOf(i))
	return start
}

func (s *session) linkOf(i int) uint32 {
	if lt, ok := s.linkFor[i]; ok {
		return lt
	}
	if len(s.linkType) == 0 {
		return 0
	}
	return s.linkType[0]
}

// relTime formats a time since the first packet like Wireshark's column.
func relTime(ns int64) string {
	neg := ns < 0
	if neg {
		ns = -ns
	}
	sec := ns / int64(time.Second)
	us := (ns % int64(time.Second)) / int64(time.Microsecond)
	s := strconv.FormatInt(sec, 10) + "." + pad6(us)
	if neg {
		s = "-" + s
	}
	return s
}

func pad6(v int64) string {
	s := strconv.FormatInt(v, 10)
	for len(s) < 6 {
		s = "0" + s
	}
	return s
}

// NeedBytes asks the worker to fetch row Row's bytes with a fetch session.
type NeedBytes struct {
	Need struct {
		Row int `json:"row"`
	} `json:"need"`
}

// packet dissects the packet at view index k: from the kept bytes, or from
// the bytes a fetch session found.
func (s *session) packet(k int, fetched *session, l Lang) (DecodeResult, *NeedBytes, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	total := s.rows.Len()
	if s.view != nil {
		total = len(s.view)
	}
	if k < 0 || k >= total {
		return DecodeResult{}, nil, errors.New("packet " + strconv.Itoa(k) + " is out of range (0 to " + strconv.Itoa(total-1) + ")")
	}
	i := k
	if s.view != nil {
		i = int(s.view[k])
	}
	r := s.rows.At(i)
	var data []byte
	switch {
	case r.flags&flagKept != 0:
		data = s.kept.Get(r.keep, r.n)
	case fetched != nil:
		fetched.mu.Lock()
		var fetch int
		data, fetch = fetched.fetched, fetched.fetch
		fetched.mu.Unlock()
		if fetch != i || len(data) != int(r.n) {
			return DecodeResult{}, nil, errors.New("the capture changed while packet " + strconv.Itoa(i+1) + " was fetched again: open it anew")
		}
	default:
		var nb NeedBytes
		nb.Need.Row = i
		return DecodeResult{}, &nb, nil
	}
	if s.paste != nil {
		return s.pastePacket(i, data, l), nil, nil
	}
	lt := s.linkOf(i)
	start, ok := dissect.LayerForLinkType(lt)
	lts := strconv.Itoa(int(lt))
	out := DecodeResult{Layer: start.String(), LayerTitle: layerTitle(start, l), LayerReason: l.say("from the capture's link type "+lts, "캡처의 링크 타입 "+lts+"에 따라")}
	if !ok {
		out.LayerReason = l.say("link type "+lts+" is not decoded; guessing from the bytes", "링크 타입 "+lts+"은(는) 해석하지 않습니다: 바이트로 짐작합니다")
	}
	f := dissect.Dissect(data, start, dissect.Options{Number: i + 1, Time: time.Unix(0, r.ts), Len: int(r.orig), Lang: l.words()})
	out.Frames = []FrameView{viewFrame(f, l)}
	return out, nil, nil
}
