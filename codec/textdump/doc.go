// Package textdump reads the hex dumps people paste: the text that tcpdump,
// tshark, Wireshark, xxd, hexdump, od, base64 and source-code literals print
// for a packet's bytes, and turns it back into those bytes.
//
// Nobody should have to clean a dump up before pasting it, so Parse detects the
// dialect from the text's structure (offset columns, their width and radix,
// the separators between groups, the ASCII column) and reads every packet in
// it, with the tool's header line and time stamp where the dialect has them.
// The ASCII column that most dump tools print beside the hex is never read as
// hex: it is found by the gap before it (and by the pipe in hexdump -C), and
// each line's byte count is checked against the offset of the line after it.
//
// Errors are *SyntaxError values naming the line and column and what was
// expected there. Parse never panics and runs in time linear in the input;
// repeat lines ('*' in od and hexdump -C) are expanded only up to
// Options.MaxBytes.
//
// Where the text leaves something open, Parse decides as follows:
//   - tcpdump -x and -xx print the same text; the first packet tells them
//     apart (Options.StartsAtNetwork, which dissect answers: if it reads as
//     IPv4 or IPv6, the link layer is absent, so -x). The same holds for -X
//     and -XX. Where the start layer of each packet matters, it is
//     dissect.GuessWhy's to decide, packet by packet.
//   - Base64 made only of hex digits reads as hex; force Base64 in Options.
//   - Plain hex and base64 have no packet boundaries of their own: a blank
//     line separates packets.
//   - A tcpdump time of day carries no date (see Packet.Time).
//
// Format renders packets in every dialect, for "copy as" and for the
// round-trip tests: whatever Format prints, Parse reads back byte for byte.
//
// textdump only turns text into bytes and back: it imports nothing of
// icmplab. What the bytes are (where a packet starts, Ethernet or IP) is
// codec/dissect's to say (dissect.GuessWhy, dissect.StartsAtNetwork).
package textdump
