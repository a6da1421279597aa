package capture

import (
	"encoding/binary"
	"io"
	"math/bits"
	"strconv"
	"time"
)

// pcapng block types (draft-ietf-opsawg-pcapng).
const (
	ngSectionHeader  = 0x0a0d0d0a
	ngInterface      = 0x00000001
	ngObsoletePacket = 0x00000002
	ngSimplePacket   = 0x00000003
	ngEnhancedPacket = 0x00000006
)

// Option codes read from interface blocks.
const (
	optEnd      = 0
	optIfName   = 2
	optTSResol  = 9
	optTSOffset = 14
)

const ngMinBlock = 12 // type, total length, trailing total length

func (r *Reader) ngErr(what string, start int64, msg Why, err error) error {
	return formatErr("pcapng", what, start, msg, err)
}

// checkTotal validates a block's total length before anything is read.
func (r *Reader) checkTotal(typ uint32, start int64, total uint32, least uint32) error {
	if total%4 == 0 && total >= least && total <= MaxBlockSize {
		return nil
	}
	what := blockName(typ)
	switch {
	case total%4 != 0:
		return r.ngErr(what, start, why(whyTotalNotMultiple, int64(total)), ErrMalformed)
	case total < least:
		return r.ngErr(what, start, why(whyTotalTooSmall, int64(total), int64(least)), ErrMalformed)
	case total > MaxBlockSize:
		return r.ngErr(what, start, why(whyTotalTooLarge, int64(total), MaxBlockSize), ErrTooLarge)
	}
	return nil
}

// checkTrailer compares the length that closes a block with the one that
// opened it: the cheapest check that the reader is still in step.
func (r *Reader) checkTrailer(what string, start int64, total uint32, body []byte) error {
	if t := r.order.Uint32(body[len(body)-4:]); t != total {
		return r.ngErr(what, start, why(whyTrailerDiffers, int64(t), int64(total)), ErrMalformed)
	}
	return nil
}

func (r *Reader) nextNg(p *Packet) error {
	for {
		start := r.off
		h, err := r.readHeader(8)
		if err != nil {
			if err == io.EOF {
				return io.EOF
			}
			return r.readErr("block", start, 8, err)
		}
		typ := r.order.Uint32(h)
		if typ == ngSectionHeader {
			// Step back over the 8 bytes: the section header is read whole,
			// since its byte order may differ from the last section's.
			if err := r.readSectionAfter(start, h); err != nil {
				return err
			}
			continue
		}
		total := r.order.Uint32(h[4:])
		switch typ {
		case ngInterface, ngEnhancedPacket, ngSimplePacket, ngObsoletePacket:
		default:
			// Name resolution, statistics, decryption secrets, custom
			// blocks: skipped without being buffered. Their name is only
			// built for an error: millions of them must cost nothing.
			if err := r.checkTotal(typ, start, total, ngMinBlock); err != nil {
				return err
			}
			if err := r.skip(typ, start, total); err != nil {
				return err
			}
			continue
		}
		what := blockName(typ)
		if err := r.checkTotal(typ, start, total, ngMinBlock); err != nil {
			return err
		}
		body, err := r.take(int(total) - 8)
		if err != nil {
			return r.readErr(what, start, int(total), err)
		}
		if err := r.checkTrailer(what, start, total, body); err != nil {
			return err
		}
		body = body[:len(body)-4]
		switch typ {
		case ngInterface:
			if err := r.readInterface(start, body); err != nil {
				return err
			}
			continue
		case ngEnhancedPacket, ngObsoletePacket:
			return r.packet(p, typ, start, body)
		case ngSimplePacket:
			return r.simplePacket(p, start, body)
		}
	}
}

// readSectionAfter reads a Section Header Block whose first 8 bytes were
// already read as an ordinary block header. Its byte-order magic sets the
// order of everything up to the next section; the interfaces of the previous
// section are forgotten.
func (r *Reader) readSectionAfter(start int64, h []byte) error {
	var first [12]byte
	copy(first[:8], h) // before readHeader reuses the bytes h points to
	rest, err := r.readHeader(4)
	if err != nil {
		return r.readErr("section header block", start, 12, err)
	}
	copy(first[8:], rest)
	switch {
	case binary.LittleEndian.Uint32(first[8:]) == ngByteOrder:
		r.order = binary.LittleEndian
	case binary.BigEndian.Uint32(first[8:]) == ngByteOrder:
		r.order = binary.BigEndian
	default:
		return r.ngErr("section header block", start, whyQuoting(whyByteOrderMagic, hex32(binary.BigEndian.Uint32(first[8:]))), ErrMalformed)
	}
	total := r.order.Uint32(first[4:])
	if err := r.checkTotal(ngSectionHeader, start, total, 28); err != nil {
		return err
	}
	body, err := r.fill(int(total) - 12)
	if err != nil {
		return r.readErr("section header block", start, int(total), err)
	}
	if err := r.checkTrailer("section header block", start, total, body); err != nil {
		return err
	}
	if major := r.order.Uint16(body); major != 1 {
		return r.ngErr("section header block", start, why(whyNgVersion, int64(major), int64(r.order.Uint16(body[2:]))), ErrUnsupported)
	}
	r.flushIgnored()
	r.ifaces = r.ifaces[:0]
	r.nIfaces, r.ignoredNoted = 0, false
	r.section++
	return nil
}

// skip discards a block without buffering it, checking its trailing length.
func (r *Reader) skip(typ uint32, start int64, total uint32) error {
	n, err := r.br.Discard(int(total) - 12)
	r.off += int64(n)
	if err != nil {
		return r.readErr(blockName(typ), start, int(total), err)
	}
	t, err := r.readHeader(4)
	if err != nil {
		return r.readErr(blockName(typ), start, int(total), err)
	}
	if r.order.Uint32(t) == total {
		return nil
	}
	return r.checkTrailer(blockName(typ), start, total, t)
}

func blockName(typ uint32) string {
	switch typ {
	case ngInterface:
		return "interface description block"
	case ngEnhancedPacket:
		return "enhanced packet block"
	case ngSimplePacket:
		return "simple packet block"
	case ngObsoletePacket:
		return "packet block"
	case ngSectionHeader:
		return "section header block"
	}
	return "block (type " + hex32(typ) + ")"
}

// readInterface reads an Interface Description Block: link type, snap
// length and the options that change how time stamps read.
func (r *Reader) readInterface(start int64, body []byte) error {
	const what = "interface description block"
	if len(r.ifaces) >= MaxInterfaces {
		r.ignoreInterface(start)
		return nil
	}
	if len(body) < 8 {
		return r.ngErr(what, start, why(whyBodyShort, int64(len(body)), 8), ErrMalformed)
	}
	ifc := Interface{LinkType: LinkType(r.order.Uint16(body)), SnapLen: r.order.Uint32(body[4:]), Resolution: 6}
	opts := body[8:]
	// Options are type-length-value, padded to 4. A malformed option ends
	// the list rather than the file: the packets matter more than a comment.
	for len(opts) >= 4 {
		code, n := r.order.Uint16(opts), int(r.order.Uint16(opts[2:]))
		if code == optEnd || 4+n > len(opts) {
			break
		}
		v := opts[4 : 4+n]
		switch {
		case code == optIfName:
			ifc.Name = string(v[:min(len(v), MaxNameLen)])
		case code == optTSResol && n == 1:
			ifc.Binary, ifc.Resolution = v[0]&0x80 != 0, v[0]&0x7f
			if !ifc.Binary && ifc.Resolution > 19 || ifc.Binary && ifc.Resolution > 63 {
				return r.ngErr(what, start, why(whyTSResol, int64(v[0])), ErrUnsupported)
			}
		case code == optTSOffset && n == 8:
			ifc.Offset = int64(r.order.Uint64(v))
		}
		opts = opts[min(len(opts), 4+(n+3)&^3):]
	}
	r.nIfaces++
	r.ifaces = append(r.ifaces, ifc)
	return nil
}

// packet builds a Packet from an enhanced or an obsolete packet block. Both
// hold 20 bytes before the data: the interface (32 bits, or 16 and a drop
// count), the time stamp's high and low words, captured and original length.
func (r *Reader) packet(p *Packet, typ uint32, start int64, body []byte) error {
	const fixed = 20
	what := blockName(typ)
	if len(body) < fixed {
		return r.ngErr(what, start, why(whyBodyShort, int64(len(body)), int64(fixed)), ErrMalformed)
	}
	ifn := int(r.order.Uint32(body))
	if typ == ngObsoletePacket {
		ifn = int(r.order.Uint16(body))
	}
	ts, capLen, origLen := body[4:12], r.order.Uint32(body[12:]), r.order.Uint32(body[16:])
	if ifn >= r.nIfaces || ifn < 0 {
		return r.ngErr(what, start, why(whyNoSuchIface, int64(ifn), int64(r.nIfaces)), ErrMalformed)
	}
	if uint64(capLen) > uint64(len(body)-fixed) {
		return r.ngErr(what, start, why(whyCapLenOverruns, int64(capLen), int64(len(body)-fixed)), ErrMalformed)
	}
	if capLen > origLen {
		r.note(start, what, capOverOrig(capLen, origLen))
	}
	p.Data, p.OrigLen, p.Interface = body[fixed:fixed+int(capLen)], int(origLen), ifn
	if ifn >= len(r.ifaces) {
		// Its interface was over MaxInterfaces: no link type, no time unit.
		p.LinkType = LinkUnknown
		r.note(start, what, "interface "+strconv.Itoa(ifn)+" was ignored (more than "+group(MaxInterfaces)+" interfaces in this section): link type and time unknown")
		return nil
	}
	ifc := &r.ifaces[ifn]
	t := uint64(r.order.Uint32(ts))<<32 | uint64(r.order.Uint32(ts[4:]))
	p.Time, p.LinkType = ifc.time(t), ifc.LinkType
	return nil
}

// simplePacket reads a Simple Packet Block: interface 0, no time stamp, and
// a captured length the reader works out (the original length, cut to the
// snap length and to the block).
func (r *Reader) simplePacket(p *Packet, start int64, body []byte) error {
	const what = "simple packet block"
	if len(body) < 4 {
		return r.ngErr(what, start, why(whyBodyShort, int64(len(body)), 4), ErrMalformed)
	}
	if len(r.ifaces) == 0 {
		return r.ngErr(what, start, why(whyNoIface), ErrMalformed)
	}
	orig := r.order.Uint32(body)
	n := uint64(orig)
	if s := r.ifaces[0].SnapLen; s != 0 && uint64(s) < n {
		n = uint64(s)
	}
	n = min(n, uint64(len(body)-4))
	p.Data, p.OrigLen, p.LinkType = body[4:4+n], int(orig), r.ifaces[0].LinkType
	return nil
}

// time converts a pcapng time stamp in the interface's unit, exactly: no
// floating point, and binary fractions rounded down to the nanosecond.
func (ifc *Interface) time(ts uint64) time.Time {
	var sec, ns uint64
	k := uint(ifc.Resolution)
	if ifc.Binary {
		sec = ts >> k
		rem := ts & (1<<k - 1)
		if k > 0 {
			hi, lo := bits.Mul64(rem, 1e9)
			ns = hi<<(64-k) | lo>>k
		}
	} else {
		div := pow10(k)
		sec, ns = ts/div, ts%div
		if k <= 9 {
			ns *= pow10(9 - k)
		} else {
			ns /= pow10(k - 9)
		}
	}
	return time.Unix(int64(sec)+ifc.Offset, int64(ns)).UTC()
}

func pow10(k uint) uint64 {
	v := uint64(1)
	for ; k > 0; k-- {
		v *= 10
	}
	return v
}
