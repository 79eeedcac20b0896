/*
 * bcryptprimitives.c: a TEST-ONLY stand-in for Windows' bcryptprimitives.dll, used by
 * tools/wine/smoke.sh to run Gongwen's Windows build under Debian's wine 8, which lacks
 * that DLL. Go 1.22+ loads bcryptprimitives.dll at start-up and calls ProcessPrng for its
 * random numbers; every real Windows 10/11 has the DLL, so this shim is never shipped.
 *
 * ProcessPrng fills the buffer from RtlGenRandom (advapi32's SystemFunction036), which
 * wine implements, and returns TRUE as the real function always does.
 *
 * Build: x86_64-w64-mingw32-gcc -O2 -shared -o bcryptprimitives.dll \
 *            bcryptprimitives.c bcryptprimitives.def -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	(void)instance;
	(void)reason;
	(void)reserved;
	return TRUE;
}
