# make: variables, pattern rules, .PHONY, automatic variables, -n, a build.
mkdir proj
cat >proj/Makefile <<'X'
SRCS := $(sort $(wildcard src/*.in))
OUTS := $(patsubst src/%.in,out/%.txt,$(SRCS))
GREETING ?= hello
NUMS = $(shell seq 3)
.PHONY: all clean info
all: out/all.txt
out/%.txt: src/%.in | out
	cp $< $@
	echo "built $@ from $<" >> out/log
out/all.txt: $(OUTS)
	cat $^ > $@
out:
	mkdir -p $@
info:
	@echo "srcs=$(SRCS)"
	@echo "outs=$(OUTS) greeting=$(GREETING) nums=$(NUMS)"
	@echo "upper=$(shell echo $(GREETING) | tr a-z A-Z) words=$(words $(SRCS)) $(subst .in,.IN,$(notdir $(SRCS)))"
clean:
	rm -rf out
X
mkdir proj/src
printf 'one\n' >proj/src/a.in
printf 'two\n' >proj/src/b.in
printf 'three\n' >proj/src/c.in
t make -C proj --no-print-directory info
t make -C proj --no-print-directory info GREETING=bye
t make -n -C proj --no-print-directory
t make -C proj --no-print-directory
t cat proj/out/all.txt
t sort proj/out/log
t make -C proj --no-print-directory
t make -C proj --no-print-directory -q all
t make -C proj --no-print-directory clean
t make -C proj --no-print-directory nosuchtarget
