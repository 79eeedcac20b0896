package layout

import "testing"

// TestUnits: one function per unit, at the writers' edge.
func TestUnits(t *testing.T) {
	tests := []struct {
		name       string
		l          Length
		mm, pt     float64
		twips, emu int64
		px150      float64
	}{
		{"A4 width", PageWidth, 210, 595.2756, 11906, 7560000, 1240.1575},
		{"3号", Hao(3), 5.644, 15.9987, 320, 203184, 33.3307},
		{"one inch", 25400, 25.4, 72, 1440, 914400, 150},
		{"one line", LinePitch, 10.227, 28.9899, 580, 368172, 60.3957},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := tt.l.Mm() - tt.mm; d > 0.001 || d < -0.001 {
				t.Errorf("Mm = %v, want %v", tt.l.Mm(), tt.mm)
			}
			if d := tt.l.Pt() - tt.pt; d > 0.001 || d < -0.001 {
				t.Errorf("Pt = %v, want %v", tt.l.Pt(), tt.pt)
			}
			if tt.l.Twips() != tt.twips {
				t.Errorf("Twips = %v, want %v", tt.l.Twips(), tt.twips)
			}
			if tt.l.EMU() != tt.emu {
				t.Errorf("EMU = %v, want %v", tt.l.EMU(), tt.emu)
			}
			if d := tt.l.Px(150) - tt.px150; d > 0.001 || d < -0.001 {
				t.Errorf("Px(150) = %v, want %v", tt.l.Px(150), tt.px150)
			}
		})
	}
}
