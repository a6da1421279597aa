package decode

import (
	"errors"
	"io"
)

// openCapture reads a capture file as a stream of frames.
func openCapture(r io.Reader, opt Options) (Source, error) {
	return nil, &InputError{errors.New("capture files need codec/capture, which is not in this build yet")}
}
