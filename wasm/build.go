package main

import (
	"encoding/hex"
	"errors"
	"net/netip"
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
}

// BuildResult is the built message.
type BuildResult struct {
	Hex   string `json:"hex"`
	Layer string `json:"layer"` // where the bytes start, for decode
}

func build(s BuildSpec) (BuildResult, error) {
	f, err := family(s.Family)
	if err != nil {
		return BuildResult{}, err
	}
	t, err := byteArg("type", s.Type)
	if err != nil {
		return BuildResult{}, err
	}
	c, err := byteArg("code", s.Code)
	if err != nil {
		return BuildResult{}, err
	}
	if s.ID < 0 || s.ID > 0xffff || s.Seq < 0 || s.Seq > 0xffff {
		return BuildResult{}, errors.New("id and seq must be 0 to 65535")
	}
	data := []byte(s.Data)
	if s.Hex != "" {
		if data, err = hex.DecodeString(strings.Join(strings.Fields(s.Hex), "")); err != nil {
			return BuildResult{}, errors.New("dataHex: " + err.Error())
		}
	}
	var src, dst netip.Addr
	wrap := s.Src != "" || s.Dst != ""
	if wrap {
		if src, err = netip.ParseAddr(s.Src); err != nil {
			return BuildResult{}, errors.New("src: " + err.Error())
		}
		if dst, err = netip.ParseAddr(s.Dst); err != nil {
			return BuildResult{}, errors.New("dst: " + err.Error())
		}
		if src.Is4() != (f == codec.IPv4) || dst.Is4() != (f == codec.IPv4) {
			return BuildResult{}, errors.New("src and dst must be " + map[bool]string{true: "IPv4", false: "IPv6"}[f == codec.IPv4] + " addresses for " + f.String())
		}
	}
	h := codec.Header{Family: f, Type: codec.Type(t), Code: codec.Code(c), Src: src, Dst: dst}
	var msg []byte
	switch {
	case codec.KindOf(f, h.Type) == codec.KindEcho:
		msg = codec.Append(nil, h, codec.Echo{ID: uint16(s.ID), Seq: uint16(s.Seq), Data: data})
	case codec.IsError(f, h.Type):
		q, err := hex.DecodeString(strings.Join(strings.Fields(s.Quote), ""))
		if err != nil {
			return BuildResult{}, errors.New("quote: " + err.Error())
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
