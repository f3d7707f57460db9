/** The payload fields that eigi's webhook page documents, in its order. */
export const DOCUMENTED_FIELDS = [
	'id',
	'conversation_id',
	'agent_id',
	'conversation_type',
	'conversation_status',
	'notes',
	'conversation_duration',
	'conversation_recording_url',
	'calling_type',
	'telephony_provider',
	'to_mobile_number',
	'from_mobile_number',
	'is_test_call',
	'conversation_transcript',
	'conversation_analysis',
];
