# unitsink.mk - `make sink-unit`: the sink and batch unit tests linked
# against only the stages they need (base, text, letter, sink, batch), so
# that they build and run while a later stage is being rebuilt. `make
# unit` builds the same tests against the whole library.
SINK_STAGES := base text letter sink batch
SINK_OBJ := $(filter $(foreach s,$(SINK_STAGES),$(BUILD)/core/$(s)/%),$(CORE_OBJ))
SINK_TESTS := test_sinks test_crosscase test_batch

$(BUILD)/libsinkstages.a: $(SINK_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/tests-sink/%: tests/unit/%.c $(BUILD)/libsinkstages.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libsinkstages.a $(LDFLAGS) $(LDLIBS)

.PHONY: sink-unit
sink-unit: $(SINK_TESTS:%=$(BUILD)/tests-sink/%)
	@for t in $^; do echo "== $$t"; $$t || exit 1; done
