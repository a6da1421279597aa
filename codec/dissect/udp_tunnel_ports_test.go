//go:build !js

package dissect

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUDPTunnelPortsComplete: every port constant udpTunnel follows a
// tunnel on is in udpTunnelPorts, so UDPTunnelPort never lets a tunnel
// through to a reader that does not follow it (codec/filter's quick path).
func TestUDPTunnelPortsComplete(t *testing.T) {
	fs := token.NewFileSet()
	file, err := parser.ParseFile(fs, "transport.go", nil, 0)
	require.NoError(t, err)
	var used []string
	for _, d := range file.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "udpTunnel" {
			continue
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && strings.HasPrefix(id.Name, "port") && !slices.Contains(used, id.Name) {
				used = append(used, id.Name)
			}
			return true
		})
	}
	require.NotEmpty(t, used, "udpTunnel names no port constant: has it moved?")
	ports := map[string]uint16{"portGTPU": portGTPU, "portGTPv0": portGTPv0, "portTeredo": portTeredo, "portVXLAN": portVXLAN,
		"portGeneve": portGeneve, "portMPLSUDP": portMPLSUDP, "portAYIYA": portAYIYA, "portVXLANLinux": portVXLANLinux}
	for _, name := range used {
		p, ok := ports[name]
		if assert.True(t, ok, "udpTunnel follows %s: add it to udpTunnelPorts and to this test", name) {
			assert.True(t, UDPTunnelPort(p), name)
		}
	}
	assert.False(t, UDPTunnelPort(33434), "a traceroute port is no tunnel")
}
