package main

import (
	"encoding/hex"
	"net/netip"
	"strconv"
	"strings"

	"icmplab/codec"
)

// BuildSpec is a message described by its fields, as a form would give it.
// Which body the type takes comes from the codec: echo types take ID, Seq and
// Data; error types quote Quote (hex); anything else carries Data raw.
type BuildSpec struct {
	Family int    `json:"family"`
	Type   int    `json:"type"`
	Code   int    `json:"code"`
	ID     int    `json:"id"`
	Seq    int    `json:"seq"`
	Data   string `json:"data"`    // text, sent as its UTF-8 bytes
	Hex    string `json:"dataHex"` // or bytes in hex (wins over Data)
	Quote  string `json:"quote"`   // hex of the datagram an error quotes
	Src    string `json:"src"`     // with Dst: wrap in an IP header (and the ICMPv6 checksum)
	Dst    string `json:"dst"`
	TTL    int    `json:"ttl"`
	Lang   Lang   `json:"-"` // the language of error messages
}

// FieldError is a build spec field the builder cannot use, said so that a
// person filling the form knows which box to fix: the page marks the field
// (Field is the spec's property name) and shows Text.
type FieldError struct {
	Field string
	Text  string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Text }

// badField makes a FieldError in l from its English and Korean sentence.
func badField(l Lang, field, en, ko string) error {
	return &FieldError{Field: field, Text: l.pick(codec.Text{EN: en, KO: ko})}
}

// BuildResult is the built message.
type BuildResult struct {
	Hex   string `json:"hex"`
	Layer string `json:"layer"` // where the bytes start, for decode
}

func build(s BuildSpec) (BuildResult, error) {
	l := s.Lang
	f, err := family(s.Family)
	if err != nil {
		return BuildResult{}, badField(l, "family", err.Error(), "계열은 4 또는 6이어야 합니다")
	}
	t, err := byteArg("type", s.Type)
	if err != nil {
		return BuildResult{}, badField(l, "type", err.Error(), "타입은 0부터 255까지입니다")
	}
	c, err := byteArg("code", s.Code)
	if err != nil {
		return BuildResult{}, badField(l, "code", err.Error(), "코드는 0부터 255까지입니다")
	}
	for _, n := range []struct {
		field string
		v     int
	}{{"id", s.ID}, {"seq", s.Seq}} {
		if n.v < 0 || n.v > 0xffff {
			v := strconv.Itoa(n.v)
			return BuildResult{}, badField(l, n.field, "must be 0 to 65535, not "+v, "0부터 65535까지여야 합니다 ("+v+"은(는) 범위 밖)")
		}
	}
	data := []byte(s.Data)
	if s.Hex != "" {
		if data, err = hex.DecodeString(strings.Join(strings.Fields(s.Hex), "")); err != nil {
			return BuildResult{}, badField(l, "dataHex", "is not hex (pairs of 0-9, a-f)", "16진수(0-9, a-f 두 자리씩)가 아닙니다")
		}
	}
	var src, dst netip.Addr
	wrap := s.Src != "" || s.Dst != ""
	fam := map[bool]string{true: "IPv4", false: "IPv6"}[f == codec.IPv4]
	for _, a := range []struct {
		field, text string
		dst         *netip.Addr
	}{{"src", s.Src, &src}, {"dst", s.Dst, &dst}} {
		if !wrap {
			break
		}
		if *a.dst, err = netip.ParseAddr(strings.TrimSpace(a.text)); err != nil {
			return BuildResult{}, badField(l, a.field, quote(a.text)+" is not an IP address; write one like "+exampleAddr(f),
				quote(a.text)+"은(는) IP 주소가 아닙니다. 예: "+exampleAddr(f))
		}
		if a.dst.Is4() != (f == codec.IPv4) {
			return BuildResult{}, badField(l, a.field, "must be an "+fam+" address for "+f.String()+", like "+exampleAddr(f),
				f.String()+"에는 "+fam+" 주소가 필요합니다. 예: "+exampleAddr(f))
		}
	}
	h := codec.Header{Family: f, Type: codec.Type(t), Code: codec.Code(c), Src: src, Dst: dst}
	var msg []byte
	switch bodyOf(f, h.Type) {
	case bodyEcho:
		msg = codec.Append(nil, h, codec.Echo{ID: uint16(s.ID), Seq: uint16(s.Seq), Data: data})
	case bodyError:
		q, err := hex.DecodeString(strings.Join(strings.Fields(s.Quote), ""))
		if err != nil {
			return BuildResult{}, badField(l, "quote", "is not hex (pairs of 0-9, a-f)", "16진수(0-9, a-f 두 자리씩)가 아닙니다")
		}
		if len(q) == 0 && wrap && f == codec.IPv4 {
			// Quote what such an error is usually about: the receiver's UDP
			// probe to the sender, header and first 8 bytes (RFC 792).
			q = udpProbe(dst, src, 1, 33434, uint16(s.ID))[:28]
		}
		msg = codec.Append(nil, h, codec.ErrorBody{Quote: q})
	default:
		msg = codec.Append(nil, h, codec.RawBody(data))
	}
	if !wrap {
		return BuildResult{Hex: hexString(msg), Layer: map[bool]string{true: "icmpv4", false: "icmpv6"}[f == codec.IPv4]}, nil
	}
	ttl := s.TTL
	if ttl <= 0 || ttl > 255 {
		ttl = 64
	}
	if f == codec.IPv4 {
		return BuildResult{Hex: hexString(ipv4(src, dst, codec.ProtoICMP, uint8(ttl), uint16(s.ID), msg)), Layer: "ipv4"}, nil
	}
	ip := codec.IPv6Header{PayloadLen: uint16(len(msg)), NextHeader: codec.ProtoICMPv6, HopLimit: uint8(ttl), Src: src, Dst: dst}
	return BuildResult{Hex: hexString(append(ip.AppendHeader(nil), msg...)), Layer: "ipv6"}, nil
}

// The body a type is built with, which says which builder fields matter.
const (
	bodyEcho  = "echo"  // identifier, sequence and data
	bodyError = "error" // the datagram it quotes
	bodyRaw   = "raw"   // data as the body
)

// bodyOf is which body build gives a type: the page shows only the fields
// that body uses.
func bodyOf(f codec.Family, t codec.Type) string {
	switch {
	case codec.KindOf(f, t) == codec.KindEcho:
		return bodyEcho
	case codec.IsError(f, t):
		return bodyError
	}
	return bodyRaw
}

// exampleAddr is an address of f for a message, from the examples' own.
func exampleAddr(f codec.Family) string {
	if f == codec.IPv6 {
		return exHost6.String()
	}
	return exHost.String()
}
