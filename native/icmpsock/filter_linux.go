//go:build linux

package icmpsock

import (
	"fmt"
	"unsafe"

	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"icmplab/codec"
)

// FilterReplies installs kernel filters on a raw socket so the process wakes
// only for what a prober with echo identifier id needs: echo replies and
// extended echo replies carrying id, and ICMP errors (which carry the
// identifier only inside their quote, so they are matched in user space).
//
// Two layers, as iputils ping does: ICMP_FILTER (IPv4) or ICMP6_FILTER
// (IPv6) drops every other type before it is queued, and a classic BPF
// program (SO_ATTACH_FILTER) drops replies meant for other pingers. On a
// datagram socket FilterReplies does nothing: the kernel already delivers
// only the socket's own replies and errors.
func (c *Conn) FilterReplies(id uint16) error {
	if c.kind != Raw {
		return nil
	}
	var err error
	ctlErr := c.rc.Control(func(fd uintptr) {
		if err = setTypeFilter(int(fd), c.family); err != nil {
			return
		}
		err = attachBPF(int(fd), EchoFilter(c.family, id))
	})
	if ctlErr != nil {
		return opError(opSet, ctlErr)
	}
	return opError(opSet, err)
}

// ICMPv4BlockMask is the ICMP_FILTER value for codec's pass list
// (codec.ProberTypes: replies, errors, and the advisory redirect and source
// quench that ping shows): a set bit blocks that type. The kernel filters
// only types 0-31 this way; higher ones (extended echo reply is 43) always
// pass and are left to the BPF program.
func ICMPv4BlockMask() uint32 {
	mask := ^uint32(0)
	for _, t := range codec.ProberTypes(codec.IPv4) {
		if t < 32 {
			mask &^= 1 << t
		}
	}
	return mask
}

func setTypeFilter(fd int, f codec.Family) error {
	if f == codec.IPv4 {
		if err := unix.SetsockoptInt(fd, unix.SOL_RAW, unix.ICMP_FILTER, int(int32(ICMPv4BlockMask()))); err != nil {
			return fmt.Errorf("ICMP_FILTER: %w", err)
		}
		return nil
	}
	var flt unix.ICMPv6Filter
	for i := range flt.Data {
		flt.Data[i] = ^uint32(0) // block everything ...
	}
	for _, t := range codec.ProberTypes(f) { // ... but these
		flt.Data[t>>5] &^= 1 << (t & 31)
	}
	if err := unix.SetsockoptICMPv6Filter(fd, unix.IPPROTO_ICMPV6, unix.ICMPV6_FILTER, &flt); err != nil {
		return fmt.Errorf("ICMP6_FILTER: %w", err)
	}
	return nil
}

// EchoFilter is the classic BPF program FilterReplies attaches: accept a
// message whose identifier (codec.EchoIDOffset of the ICMP header, where
// echo and extended echo both keep it) is id; otherwise
// reject it if it is an echo reply or extended echo reply (someone else's),
// accept anything else (errors, matched by their quote in user space).
// A raw IPv4 socket's filter sees the IP header first (its length is loaded
// into X); a raw ICMPv6 socket's sees the ICMPv6 header at offset 0.
func EchoFilter(f codec.Family, id uint16) []bpf.Instruction {
	const accept, reject = 0xffffffff, 0
	echoReply, extReply := codec.ICMPv4EchoReply, codec.ICMPv4ExtendedEchoReply
	if f == codec.IPv6 {
		echoReply, extReply = codec.ICMPv6EchoReply, codec.ICMPv6ExtendedEchoReply
	}
	var prog []bpf.Instruction
	if f == codec.IPv4 {
		// X = the IPv4 header length: 4 * the IHL nibble.
		prog = append(prog, bpf.LoadMemShift{Off: codec.IPv4VersionIHLOffset})
	} else {
		prog = append(prog, bpf.LoadConstant{Dst: bpf.RegX, Val: 0})
	}
	return append(prog,
		bpf.LoadIndirect{Off: codec.EchoIDOffset, Size: 2},
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: uint32(id), SkipTrue: 0, SkipFalse: 1},
		bpf.RetConstant{Val: accept},
		bpf.LoadIndirect{Off: codec.ICMPTypeOffset, Size: 1},
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: uint32(echoReply), SkipTrue: 2},
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: uint32(extReply), SkipTrue: 1},
		bpf.RetConstant{Val: accept},
		bpf.RetConstant{Val: reject},
	)
}

func attachBPF(fd int, prog []bpf.Instruction) error {
	raw, err := bpf.Assemble(prog)
	if err != nil {
		return fmt.Errorf("assembling BPF: %w", err)
	}
	filt := make([]unix.SockFilter, len(raw))
	for i, r := range raw {
		filt[i] = unix.SockFilter{Code: r.Op, Jt: r.Jt, Jf: r.Jf, K: r.K}
	}
	fp := unix.SockFprog{Len: uint16(len(filt)), Filter: (*unix.SockFilter)(unsafe.Pointer(&filt[0]))}
	if err := unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fp); err != nil {
		return fmt.Errorf("SO_ATTACH_FILTER: %w", err)
	}
	return nil
}
