package capture

import (
	"encoding/binary"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// NgWriterOptions are the descriptive options NewNgWriterOptions writes into
// the section header and the interface description: what Wireshark shows
// under "Capture file properties" and what capinfos prints. Empty fields are
// left out. They change nothing about how packets read; they say where the
// packets came from, which matters when the IP headers in a file were
// rebuilt by the writer rather than copied off the wire.
type NgWriterOptions struct {
	// Section header (SHB) options.
	Comment     string // opt_comment: a note about the whole capture
	Hardware    string // shb_hardware, e.g. runtime.GOARCH
	OS          string // shb_os, e.g. runtime.GOOS
	Application string // shb_userappl; "icmplab" when empty

	// Interface description (IDB) options of the one interface.
	IfName        string // if_name
	IfDescription string // if_description
	IfOS          string // if_os: the system the interface belongs to
}

// pcapng option codes (pcapng draft, section 4.1 and 4.2); optEnd,
// optIfName and optTSResol are the reader's.
const (
	optComment       = 1
	optSHBHardware   = 2
	optSHBOS         = 3
	optSHBUserAppl   = 4
	optIfDescription = 3
	optIfOS          = 12
)

// ErrOptionValue is returned (wrapped) by NewNgWriterOptions for an option
// pcapng cannot hold: longer than 65535 bytes, or not UTF-8, which the format
// requires of every string option.
var ErrOptionValue = errors.New("pcapng: option value not writable")

// NewNgWriterOptions is NewNgWriter with descriptive options in the section
// header and the interface description.
func NewNgWriterOptions(w io.Writer, link LinkType, o NgWriterOptions) (*NgWriter, error) {
	if o.Application == "" {
		o.Application = userAppl
	}
	type opt struct {
		code uint16
		name string
		v    string
	}
	shb := []opt{
		{optComment, "opt_comment", o.Comment},
		{optSHBHardware, "shb_hardware", o.Hardware},
		{optSHBOS, "shb_os", o.OS},
		{optSHBUserAppl, "shb_userappl", o.Application},
	}
	idb := []opt{
		{optIfName, "if_name", o.IfName},
		{optIfDescription, "if_description", o.IfDescription},
		{optIfOS, "if_os", o.IfOS},
	}
	for _, list := range [][]opt{shb, idb} {
		for _, op := range list {
			switch {
			case len(op.v) > 0xffff:
				return nil, errors.Join(ErrOptionValue, errors.New("pcapng: "+op.name+" of "+strconv.Itoa(len(op.v))+" bytes is longer than the 65535 an option holds"))
			case !utf8.ValidString(op.v):
				return nil, errors.Join(ErrOptionValue, errors.New("pcapng: "+op.name+" is not UTF-8"))
			}
		}
	}
	le := binary.LittleEndian
	// appendOpts appends the non-empty options, each padded to 4 bytes,
	// then opt_endofopt.
	appendOpts := func(b []byte, list []opt) []byte {
		for _, op := range list {
			if op.v == "" {
				continue
			}
			b = le.AppendUint16(b, op.code)
			b = le.AppendUint16(b, uint16(len(op.v)))
			b = append(b, op.v...)
			b = append(b, make([]byte, (len(op.v)+3)&^3-len(op.v))...)
		}
		return le.AppendUint32(b, 0)
	}
	b := make([]byte, 0, 128)
	// Section Header Block: byte order, version 1.0, unknown section
	// length, options; the total length is patched in once known.
	b = le.AppendUint32(b, ngSectionHeader)
	b = le.AppendUint32(b, 0)
	b = le.AppendUint32(b, ngByteOrder)
	b = le.AppendUint16(b, 1)
	b = le.AppendUint16(b, 0)
	b = le.AppendUint64(b, ^uint64(0))
	b = appendOpts(b, shb)
	b = closeBlock(b, 0)
	// Interface Description Block: link type, no snap length limit (0),
	// options, if_tsresol 9 (nanoseconds) among them.
	idbStart := len(b)
	b = le.AppendUint32(b, ngInterface)
	b = le.AppendUint32(b, 0)
	b = le.AppendUint16(b, uint16(link))
	b = le.AppendUint16(b, 0)
	b = le.AppendUint32(b, 0)
	b = le.AppendUint16(b, optTSResol)
	b = le.AppendUint16(b, 1)
	b = append(b, 9, 0, 0, 0)
	b = appendOpts(b, idb)
	b = closeBlock(b, idbStart)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	return &NgWriter{w: w, buf: b[:0]}, nil
}

// closeBlock appends the trailing total length of the block that begins at
// start and writes the same length into its header.
func closeBlock(b []byte, start int) []byte {
	total := uint32(len(b) - start + 4)
	binary.LittleEndian.PutUint32(b[start+4:], total)
	return binary.LittleEndian.AppendUint32(b, total)
}
