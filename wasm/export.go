package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"time"

	"icmplab/codec/capture"
	"icmplab/codec/dissect"
)

// Export of the listed packets (the current view, in its order) as a file
// the page downloads: pcapng (codec/capture's writer), JSON Lines (the
// records of `icmplab decode --format jsonl`) or CSV (the list's columns).
//
// Only kept bytes are exported: a packet past keepBudget would need the
// file read again, so such a view is refused with the count, never written
// short. The output is bounded by maxExport.

// maxExport is the largest file an export builds in the module's memory.
const maxExport = 256 << 20

// Export formats, as the page names them.
const (
	exportPcapNG = "pcapng"
	exportJSONL  = "jsonl"
	exportCSV    = "csv"
)

// errExportTooBig is an export past maxExport; exportTooBig words it in
// the page's language.
var errExportTooBig = fmt.Errorf("the export would pass %d MB; filter the list first", maxExport>>20)

// exportTooBig is errExportTooBig in l, still errors.Is errExportTooBig.
func exportTooBig(l Lang) error {
	if l == KO {
		return &langError{msg: fmt.Sprintf("내보내면 %d MB를 넘습니다: 먼저 목록을 필터로 줄이세요", maxExport>>20), err: errExportTooBig}
	}
	return errExportTooBig
}

// export writes the view in format.
func (s *session) export(format string, l Lang) ([]byte, error) {
	switch format {
	case exportPcapNG, exportJSONL, exportCSV:
	default:
		return nil, fmt.Errorf("%w: format must be %s, %s or %s, not %q", errListArg, exportPcapNG, exportJSONL, exportCSV, format)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	idx := s.viewIndices()
	unkept := 0
	for _, i := range idx {
		if s.rows.At(i).flags&flagKept == 0 {
			unkept++
		}
	}
	if unkept > 0 {
		return nil, errors.New(l.say(strconv.Itoa(unkept)+" of the listed packets are past the bytes kept in memory and cannot be exported; filter the list first",
			"목록의 패킷 중 "+strconv.Itoa(unkept)+"개는 메모리에 보관하지 않아 내보낼 수 없습니다: 먼저 목록을 거르세요"))
	}
	var buf bytes.Buffer
	switch format {
	case exportPcapNG:
		return s.exportPcapNG(&buf, idx, l)
	case exportJSONL:
		for _, i := range idx {
			if err := dissect.WriteRecord(&buf, s.frameAt(i)); err != nil {
				return nil, err
			}
			if buf.Len() > maxExport {
				return nil, exportTooBig(l)
			}
		}
	case exportCSV:
		w := csv.NewWriter(&buf)
		_ = w.Write([]string{"no", "time", "source", "destination", "length", "ttl", "protocol", "info"})
		for _, i := range idx {
			r := s.rows.At(i)
			f := s.frameAt(i)
			_ = w.Write([]string{strconv.Itoa(i + 1), s.relTimeOf(r), s.strs[r.src], s.strs[r.dst], strconv.Itoa(int(r.orig)), ttlOf(f), f.Protocol, f.Info})
			if buf.Len() > maxExport {
				return nil, exportTooBig(l)
			}
		}
		w.Flush()
		if err := w.Error(); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil
}

func (s *session) exportPcapNG(buf *bytes.Buffer, idx []int, l Lang) ([]byte, error) {
	link := s.linkType[0]
	if len(idx) > 0 {
		if lt, ok := s.linkTypeOf(idx[0]); ok {
			link = lt
		}
	}
	w, err := capture.NewNgWriter(buf, capture.LinkType(link))
	if err != nil {
		return nil, err
	}
	for _, i := range idx {
		lt, ok := s.linkTypeOf(i)
		if !ok {
			return nil, errors.New(l.say("packet "+strconv.Itoa(i+1)+" is an ICMP message without its IP header, which no pcapng link type carries; export it as JSON Lines or filter it out",
				"패킷 "+strconv.Itoa(i+1)+"은(는) IP 헤더 없는 ICMP 메시지라 pcapng 링크 타입이 없습니다: JSON Lines로 내보내거나 걸러 내세요"))
		}
		if lt != link {
			return nil, errors.New(l.say("packet "+strconv.Itoa(i+1)+" has another link type than the first; export it as JSON Lines or filter it out",
				"패킷 "+strconv.Itoa(i+1)+"의 링크 타입이 첫 패킷과 다릅니다: JSON Lines로 내보내거나 걸러 내세요"))
		}
		r := s.rows.At(i)
		if err := w.WritePacket(time.Unix(0, r.ts), s.kept.Get(r.keep, r.n), int(r.orig)); err != nil {
			return nil, err
		}
		if buf.Len() > maxExport {
			return nil, exportTooBig(l)
		}
	}
	return buf.Bytes(), nil
}

// viewIndices are the row indices the list shows, in its order.
func (s *session) viewIndices() []int {
	n := s.rows.Len()
	if s.view != nil {
		n = len(s.view)
	}
	out := make([]int, n)
	for k := range out {
		out[k] = k
		if s.view != nil {
			out[k] = int(s.view[k])
		}
	}
	return out
}

// frameAt dissects the kept bytes of row i.
func (s *session) frameAt(i int) *dissect.Frame {
	r := s.rows.At(i)
	return dissect.Dissect(s.kept.Get(r.keep, r.n), s.startOf(i), dissect.Options{Number: i + 1, Time: r.time(), Len: int(r.orig)})
}

// ttlOf is the outer IP header's TTL (IPv4) or hop limit (IPv6), read from
// the bytes the dissector's field points at; "" when the frame has none.
func ttlOf(f *dissect.Frame) string {
	var find func([]*dissect.Node) string
	find = func(ns []*dissect.Node) string {
		for _, n := range ns {
			if (n.Field == "ip.ttl" || n.Field == "ipv6.hlim") && n.Source == 0 && n.Length == 1 && n.Offset < len(f.Data) {
				return strconv.Itoa(int(f.Data[n.Offset]))
			}
			if v := find(n.Kids); v != "" {
				return v
			}
		}
		return ""
	}
	return find(f.Root)
}

// indexOf is the list index of frame number no (1-based), -1 when the view
// does not show it.
func (s *session) indexOf(no int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := no - 1
	if i < 0 || i >= s.rows.Len() {
		return -1
	}
	if s.view == nil {
		return i
	}
	for k, v := range s.view {
		if int(v) == i {
			return k
		}
	}
	return -1
}
