// The smallest scenario the runner tests build on: one SMS user and the phone with their number.
export const SMS_SCENARIO = `name: t
title: T
seed: 1
phones:
  - { id: iphone, name: iPhone, platform: ios, model: iPhone 15, number: "+13125550142", unlock: faceid }
users:
  - username: smsuser
    password: Demo1234
    region: US
    mobile: { number: "+13125550142" }
    devices: [{ id: sms, kind: sms }]
`;
