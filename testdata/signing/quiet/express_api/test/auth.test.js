const jwt = require('jsonwebtoken');

test('verifies a token', () => {
  const token = jwt.sign({ id: 1 }, 'secret');
  expect(jwt.verify(token, 'secret').id).toBe(1);
});
