package main

import (
	"encoding/hex"
	"time"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

// FrameView is one dissected frame as the page draws it (see api.d.ts). The
// tree is dissect's own Node type, whose JSON tags are the contract.
type FrameView struct {
	Number    int             `json:"number"`
	Time      string          `json:"time,omitempty"`
	Len       int             `json:"len"`
	CapLen    int             `json:"caplen"`
	Hex       string          `json:"hex"`
	Summary   string          `json:"summary"`
	Src       string          `json:"src"`
	Dst       string          `json:"dst"`
	Protocol  string          `json:"protocol"`
	Info      string          `json:"info"`
	Layers    []string        `json:"layers"`
	Tree      []*dissect.Node `json:"tree"`
	Notes     []dissect.Note  `json:"notes"`
	Sources   []SourceView    `json:"sources,omitempty"`
	ICMP      *ICMPView       `json:"icmp,omitempty"`
	Checksums []ChecksumWork  `json:"checksums"`
}

// SourceView is a byte buffer besides the frame (a reassembled datagram).
type SourceView struct {
	Name string `json:"name"`
	Hex  string `json:"hex"`
}

// ICMPView is what the teaching panel needs about the outermost message.
type ICMPView struct {
	Family   int    `json:"family"`
	Type     int    `json:"type"`
	Code     int    `json:"code"`
	Name     string `json:"name"`
	CodeName string `json:"codeName,omitempty"`
	IsError  bool   `json:"isError"`
	Checksum string `json:"checksum"` // good, bad, unverified
	Quote    string `json:"quote,omitempty"`
	Layout   string `json:"extLayout,omitempty"`
}

func hexString(b []byte) string { return hex.EncodeToString(b) }

// viewFrame converts a dissection for the page and works out its checksums.
func viewFrame(f *dissect.Frame, l Lang) FrameView {
	v := FrameView{
		Number:   f.Number,
		Len:      f.Len,
		CapLen:   f.CapLen,
		Hex:      hexString(f.Data),
		Summary:  f.Summary,
		Src:      f.Src,
		Dst:      f.Dst,
		Protocol: f.Protocol,
		Info:     f.Info,
		Layers:   f.Layers,
		Tree:     f.Root,
		Notes:    f.Notes,
	}
	if v.Layers == nil {
		v.Layers = []string{}
	}
	if v.Notes == nil {
		v.Notes = []dissect.Note{}
	}
	if !f.Time.IsZero() {
		v.Time = f.Time.UTC().Format(time.RFC3339Nano)
	}
	for _, s := range f.Sources {
		v.Sources = append(v.Sources, SourceView{Name: s.Name, Hex: hexString(s.Data)})
	}
	if i := f.ICMP; i != nil {
		iv := &ICMPView{
			Family:   int(i.Family),
			Type:     int(i.Type),
			Code:     int(i.Code),
			Name:     typeName(l, i.Family, i.Type),
			CodeName: i.CodeName,
			IsError:  codec.IsError(i.Family, i.Type),
			Checksum: i.Checksum.Status.String(),
			Quote:    i.Sentence,
		}
		if i.CodeName != "" { // empty where the registry names no code
			iv.CodeName = codeName(l, i.Family, i.Type, i.Code)
		}
		if i.Layout != codec.ExtNone {
			iv.Layout = i.Layout.String()
		}
		v.ICMP = iv
	}
	v.Checksums = checksumsOf(f)
	return v
}
