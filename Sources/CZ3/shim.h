#ifndef EXTENTCHECK_CZ3_SHIM_H
#define EXTENTCHECK_CZ3_SHIM_H
#include <z3.h>
#endif
